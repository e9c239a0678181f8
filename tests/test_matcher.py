"""The free-question matcher on its own: phrasings in both languages, typos, small talk, bad
input, masking, and the checks of `ask:` phrasings. (None of the held-out questions of
tests/data/questions.yaml is used here: they measure the matcher, in benchmarks/ask_match.py.)"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from bot.answers.matcher import Matcher, _who_asks
from bot.answers.text import (
    content_words,
    only_thanks,
    send_or_cancel,
    summary,
    wants_to_register,
    words,
)
from bot.answers.verdict import NEAR, Outcome, Thresholds, decide
from bot.content import ContentError, load_content
from bot.settings import Settings
from tests.leads import CONTENT, edit_content

MATCHER = Matcher.build(CONTENT)
_DEFAULTS = Settings.model_fields
DEFAULTS = Thresholds(
    _DEFAULTS["ask_answer_confidence"].default, _DEFAULTS["ask_suggest_confidence"].default
)
HELD_OUT = {
    item["q"]
    for item in yaml.safe_load(
        (Path(__file__).parent / "data" / "questions.yaml").read_text(encoding="utf-8")
    )["questions"]
    if item.get("held_out")
}


def held_out(text: str) -> bool:
    """Whether a text is a held-out question (a function: a failure never prints the set)."""
    return text in HELD_OUT


INDONESIAN = [
    ("kak ada open call gak?", "faq:open_call_now"),
    ("beda kofic dan kocca apa", "program:kofic_incentive"),
    # A band asking how to register: not the open call ("audisi penyanyi atau band").
    ("kami band, gimana cara daftar?", "faq:who_can_apply"),
    ("cara daftar buat band gimana kak", "faq:who_can_apply"),
    ("kak programnya apa aja sih", "faq:programs_overview"),
    ("ada event apa aja kak", "faq:programs_overview"),
    # Session 46's retired civil servant asked for the activities on offer ("kegiatan").
    ("kegiatan apa saja yang tersedia sekarang?", "faq:programs_overview"),
    ("lagi buka pendaftaran ga sekarang", "faq:open_call_now"),
    ("kapan open call film", "faq:open_call_now"),
    ("mau bawa proyek film ke busan", "program:biff_apm"),
    ("bisa dateng langsung ke kantor kocca di jakarta?", "faq:kocca_jakarta"),
    ("aku sineas indie ga punya rumah produksi, bisa ikut?", "faq:production_house"),
    ("td liat berita kocca ketemu kementerian ekonomi kreatif, itu gmn", "faq:jan_2026_meeting"),
    ("mau pitching ip drama ke korea", "program:bcww"),
    ("koproduksi film indonesia korea itu gimana", "program:coproduction"),
    ("aku produser mau cari mitra korea", "program:coproduction"),
    ("mau bawa band ku ke korea", "program:music_to_korea"),
    ("musisi indonesia bisa manggung di korea?", "program:music_to_korea"),
    ("gimana cara dapet info program", "faq:announcements"),
    ("mau langganan info terbaru", "faq:announcements"),
    ("apa aja yang harus disiapin buat daftar", "faq:what_to_prepare"),
    ("harus ada video live performance?", "faq:what_to_prepare"),
    ("perlu video pentas ga?", "faq:what_to_prepare"),  # a show's video (session 46)
    ("broadcast worldwide seoul ikut gimana", "program:bcww"),
    ("kocca itu punya pemerintah korea bukan", "faq:what_is_kocca"),
    ("APA ITU KOCCA???", "faq:what_is_kocca"),
    ("bahasanya ganti ke indo dong", "faq:language"),
    ("rumah produksi harus terdaftar?", "faq:production_house"),
    ("lee won jung ke jakarta ngapain", "faq:jan_2026_meeting"),
    ("video nya kegedean ga bisa dikirim", "faq:showreel_links"),
    # A link that asks for a login (session 46): the entry says to make it open without one.
    ("link spotify aku ga bisa dibuka, katanya harus login", "faq:showreel_links"),
    ("ada pelatihan animasi dari kocca?", "program:training_center"),
    ("asian project market itu apa", "program:biff_apm"),
    ("privacy policy nya mana", "faq:my_data"),
    ("daftarnya gratis kan kak", "faq:who_can_apply"),
    ("mucon itu apa", "program:mucon"),
    ("insentif kofic itu apa", "program:kofic_incentive"),
    ("dana pengembangan skenario dari busan", "program:biff_acf"),
    ("admin bot ini orang kementerian ya?", "faq:who_runs"),  # who runs it, not "ask a human"
    ("band aku harus kirim apa aja", "faq:what_to_prepare"),
    ("kerja di agensi kpop", "faq:what_is_kocca"),  # which says KOCCA is not a K-pop agency
    ("ini resmi dari kocca bukan? takut penipuan", "faq:who_runs"),  # which says what it never asks
    # Session 42's round: who attended the January meeting, no work uploaded yet (what to
    # prepare says one can still register), the HOI sites the training page names.
    ("siapa saja yang hadir di pertemuan januari itu?", "faq:jan_2026_meeting"),
    ("blm pernah upload karya, masih bisa daftar?", "faq:what_to_prepare"),
    ("ada pelatihan di cirebon ga?", "program:training_center"),
    ("pelatihan di sikka ada?", "program:training_center"),
    # Session 43b's round: the programs for film people (not only the co-production page).
    ("program apa aja buat orang film?", "faq:programs_overview"),
    # Session 44's parent: whether the service is safe and official, whether money will be
    # asked for, a scam in someone's name ("mengatasnamakan"; "khawatir" asks nothing).
    ("Apakah layanan ini aman dan resmi dari KOCCA?", "faq:who_runs"),
    ("Apakah anak saya akan dimintai uang untuk ke Korea nanti?", "faq:who_runs"),
    ("Saya khawatir ada penipuan yang mengatasnamakan agensi Korea.", "faq:who_runs"),
    ("khawatir ada penipuan atas nama kocca", "faq:who_runs"),
    # Session 45's talents: living abroad (the form takes "luar negeri"; the answer says so).
    ("kalau tinggal di luar negeri boleh daftar gak?", "faq:who_can_apply"),
    # Registering paid is its cost, where being paid to perform is not (a second attacker).
    ("daftarnya dibayar ga?", "faq:who_can_apply"),
    ("pendaftarannya dibayar?", "faq:who_can_apply"),
]
ENGLISH = [
    # Where the talent lives is who asks, as "aku di Medan" is (the last review s60).
    ("I live in Surabaya, do I need to speak Korean?", "faq:korean_language"),
    ("what is the difference between kofic and kocca", "program:kofic_incentive"),
    ("who is kocca, is it a government agency?", "faq:what_is_kocca"),
    ("hi, what programs do you have?", "faq:programs_overview"),
    ("BIFF ACF script development", "program:biff_acf"),
    ("can an independent filmmaker join without a company", "faq:production_house"),
    ("business matching drama series korea", "program:bcww"),
    ("korean film council incentive for foreign productions", "program:kofic_incentive"),
    ("Content training center Jakarta", "program:training_center"),
    ("can my band play at mucon", "program:mucon"),
    ("how do i contact a human", "faq:ask_human"),
    ("any workshops or training in jakarta", "program:training_center"),
    ("KOFIC location incentive", "program:kofic_incentive"),
    ("What happens to my data?", "faq:my_data"),
    ("BIFF APM how to join", "program:biff_apm"),
    ("What is KOCCA?", "faq:what_is_kocca"),
    ("Do I need a production house?", "faq:production_house"),
    ("Indonesia Korea film co-production", "program:coproduction"),
    ("How do I send my showreel?", "faq:showreel_links"),
    ("will you notify me about new programs", "faq:announcements"),
    ("Is there a KOCCA office in Indonesia?", "faq:kocca_jakarta"),
    ("What happened in January 2026 between Indonesia and KOCCA?", "faq:jan_2026_meeting"),
    ("switch to indonesian please", "faq:language"),
    ("Who can register? Is it free?", "faq:who_can_apply"),
    ("can you speak english", "faq:language"),
    ("What do I need to prepare?", "faq:what_to_prepare"),
    ("can I perform in Korea?", "program:music_to_korea"),
    ("is there an open call right now", "faq:open_call_now"),
    ("what should my band send in the application", "faq:what_to_prepare"),  # not open_call_now
    ("what should I submit", "faq:what_to_prepare"),
    ("do i have to pay", "faq:who_can_apply"),  # registering is free: was "nothing close"
    ("who is responsible for this?", "faq:who_runs"),
    ("is this bot safe and official?", "faq:who_runs"),
    ("is this bot official KOCCA? how do i know its not a scam", "faq:who_runs"),
    # A new talent's review: both were "not sure".
    (
        "is there any way to co-produce a film with a Korean company through you guys?",
        "program:coproduction",
    ),
    ("will korean companies see my info or only your team?", "faq:my_data"),
    # A second review: "registering here is free" read as "MU:CON is free".
    ("how much does it cost to join MU:CON as a producer?", "program:mucon"),
    # Film crews' words: a reel, a co-pro, a DP (who asks), crew, a pitch deck; and the
    # concert the music page names (Tiara Andini at PIK).
    ("how do I send my reel?", "faq:showreel_links"),  # was "ask a human"
    ("does kocca invest in co-pros?", "faq:film_funding"),
    ("I'm a DP, can I register?", "faq:who_can_apply"),
    ("is there anything for film crew?", "faq:programs_overview"),
    ("pitch deck for my debut feature, where in busan?", "program:biff_apm"),
    ("konser tiara andini di pik itu program apa", "program:music_to_korea"),
    # Session 42's round: the January meeting's attendees, no work uploaded yet, a recording
    # sent as a link, the data held about a talent, an HOI site.
    ("who attended the january meeting?", "faq:jan_2026_meeting"),
    ("i never uploaded my work, can i still register?", "faq:what_to_prepare"),
    ("can i send a recording of my concert?", "faq:showreel_links"),
    ("what information do you hold about me?", "faq:my_data"),
    ("is there training in jambi?", "program:training_center"),
    # Session 43b's round: programs for film people.
    ("any programs for film people?", "faq:programs_overview"),
    ("is it ok that I live abroad? I'm still Indonesian citizen", "faq:who_can_apply"),
]
TYPOS = [
    ("showril nya dikirim kemana", "faq:showreel_links"),
    ("kocca itu ap", "faq:what_is_kocca"),
    ("koca itu lembaga apa", "faq:what_is_kocca"),
    ("kofik insentif", "program:kofic_incentive"),
    ("mu con seoul kapan", "program:mucon"),
    ("MU:CON itu apa", "program:mucon"),
    ("pendaftran program udah dibuka?", "faq:open_call_now"),
    # Written as said (session 41's talent review): these got nothing.
    ("dedlen", "faq:open_call_now"),
    ("kapan dedlen mucon", "program:mucon"),  # MU:CON's own page, with its dates
    ("registrasi", "faq:who_can_apply"),
    ("reg", "faq:who_can_apply"),
]
# Chat's own names and spellings, written out before matching.
CHAT = [
    ("file nya kegedean", "faq:showreel_links"),
    ("anak sma boleh daftar ga", "faq:who_can_apply"),
    ("info kopro film korea dong", "program:coproduction"),
    ("bcw kapan", "program:bcww"),
    ("bisa kirim mp4?", "faq:showreel_links"),
    ("belom liat info open call", "faq:open_call_now"),
    ("hapus dataku dong", "faq:my_data"),  # not read as the command /hapusdata
    # Sumatran chat's short forms, and its praise ("mantap kali lah") that asks nothing.
    ("bg gw udh dftr, cek status nya gmn", "faq:after_registering"),
    ("ad gk program bwt rapper ke korea bg", "program:music_to_korea"),
    ("bg mw ngmg lgsg sama admin nya", "faq:ask_human"),
    ("mantap kali lah, ada open call gak skrg bg?", "faq:open_call_now"),
    # Eastern Indonesia's Malay: sa (saya), pu (punya), su (sudah), tra (tidak).
    ("sa su daftar, kapan dihubungi kaka?", "faq:after_registering"),
    ("sa pu film belum ada PH, bisa ikut kah tra?", "faq:production_house"),
    # Sundanese chat: abdi (saya), aya (ada), teu/henteu (tidak), kumaha (bagaimana), iraha
    # (kapan), parantos (sudah), kedah (harus); its particles (teh, mah, atuh, euy) ask nothing.
    ("abdi parantos daftar, iraha dihubungi?", "faq:after_registering"),
    ("kumaha cara daftar? kedah bayar henteu?", "faq:who_can_apply"),
    ("aya open call ayeuna teu euy?", "faq:open_call_now"),
    # Javanese chat, krama and ngoko: kulo (saya), badhe (mau), saged (bisa), sampun (sudah),
    # wonten (ada), mboten (tidak), nggih (ya), teng (di), pundi (mana), sakmenika
    # (sekarang); ndaftar, mbayar, ndherek (ikut), basa (bahasa) as the entries say them.
    ("kulo badhe ndaftar, kedah mbayar mboten?", "faq:who_can_apply"),
    ("kulo sampun ndaftar, kapan dihubungi nggih?", "faq:after_registering"),
    ("saged ganti basa Inggris mboten nggih?", "faq:language"),
    ("wonten open call mboten sakmenika?", "faq:open_call_now"),
    ("menawi kulo mboten gadhah PH, saged ndherek?", "faq:production_house"),
    ("showreel dikirim teng pundi?", "faq:showreel_links"),
    # Krama's -ipun / -nipun is "-nya": "botipun", "videonipun".
    ("videonipun saged dikirim?", "faq:showreel_links"),
    ("acaranipun MU:CON kapan?", "program:mucon"),
    ("botipun saged basa Inggris?", "faq:language"),
    # Betawi chat: kaga (tidak), kudu (harus), taon (tahun), its -e for -a (gimane, nyang,
    # ape); "dikemanain"; "bokap gue" is who asks.
    ("gue masih 16 taon, boleh daftar kaga?", "faq:who_can_apply"),
    ("kudu bayar kaga kalo daftar?", "faq:who_can_apply"),
    ("gimane cara daftar nyang bener?", "faq:who_can_apply"),
    ("data gue ntar dikemanain?", "faq:my_data"),
    ("bokap gue nanya, ini resmi kaga?", "faq:who_runs"),
    # Manado Malay: ngana (kamu), pe (punya), so (sudah), mo (mau), iko (ikut), musti
    # (harus), kiapa (kenapa), mar (tapi), nyanda (tidak), skarang, brapa, torang (kami).
    ("ngana pe open call skarang ada?", "faq:open_call_now"),
    ("kita mo iko, musti bayar?", "faq:who_can_apply"),
    ("kiapa kita so daftar mar nyanda dihubungi?", "faq:after_registering"),
    ("brapa lama torang musti tunggu kabar?", "faq:after_registering"),
    ("kita pe video musti kase link?", "faq:showreel_links"),
    # "Sampai mana", "sejauh mana": how far along, whatever the dialect's words around it.
    ("pendaftaran saya sudah sampai mana?", "faq:after_registering"),
    ("sejauh mana proses pendaftaran saya?", "faq:after_registering"),
    # A singer asking what there is: the programs, not one of them.
    ("saya penyanyi, ada program apa aja?", "faq:programs_overview"),
    ("what programs are there for singers", "faq:programs_overview"),
    # Makassar's particles (ji, mi, ki, ta', di', bede, iye) ask nothing; nor does "katanya"
    # (it was read as a typo of "caranya").
    ("ada ji open call sekarang di'?", "faq:open_call_now"),
    ("bisa ji daftar kalau belum punya PH ta'?", "faq:production_house"),
    ("berapa mi biaya daftar ta'?", "faq:who_can_apply"),
    ("iye, kapan ki dihubungi kalau sudah mi daftar?", "faq:after_registering"),
    ("bede, showreel ku dikirim lewat mana ji?", "faq:showreel_links"),
    ("katanya ada dana film dari kocca?", "faq:film_funding"),
    # "Mohon ijin bertanya", a polite opening, asks nothing.
    ("mohon ijin bertanya, kocca itu lembaga apa", "faq:what_is_kocca"),
    # A formal letter's words ask nothing ("dengan hormat", "menanyakan", "terdapat").
    (
        "Dengan hormat, saya ingin menanyakan apakah terdapat dana film dari KOCCA.",
        "faq:film_funding",
    ),
    # More of a formal letter: "mohon penjelasan", "hendak", "turut serta", "memiliki", "saat
    # ini", its closing "atas perhatiannya ... terima kasih"; a choir ("paduan suara") is who
    # asks.
    (
        "Dengan hormat, mohon penjelasan apakah paduan suara kami dapat turut serta dalam"
        " program musisi ke Korea?",
        "program:music_to_korea",
    ),
    (
        "Dengan hormat, apakah saat ini ada open call? Atas perhatiannya kami ucapkan terima"
        " kasih.",
        "faq:open_call_now",
    ),
    (
        "Horas, saya hendak menanyakan apakah KOCCA memiliki kantor di Indonesia",
        "faq:kocca_jakarta",
    ),
    (
        "Dengan hormat, kami hendak mendaftar; apakah dikenakan biaya? Terima kasih.",
        "faq:who_can_apply",
    ),
    # Medan chat: cemana (bagaimana), kelen (kalian); its particles (bah, la) ask nothing.
    ("cemana caranya daftar bah? bayar kah?", "faq:who_can_apply"),
    ("gua udah daftar la, kapan kelen hubungi?", "faq:after_registering"),
    ("cemana ganti bahasa bot nya bah?", "faq:language"),
    # Gen-Z chat's fillers (gaes, literally, ygy, spill, otw, kuy, mager, btw, wkwk) ask
    # nothing.
    ("gaes literally ada open call ga sih skrg ygy", "faq:open_call_now"),
    ("spill dong cara daftarnya, bayar ga sih wkwk", "faq:who_can_apply"),
    ("otw daftar kuy, tapi data aku aman ga sih?", "faq:my_data"),
    ("mager bgt, bisa ganti bahasa inggris ga btw", "faq:language"),
    # Banyumas Ngapak: inyong/nyong (saya), rika (kamu), kepriwe (bagaimana), kiye (ini),
    # wis (sudah), olih (boleh), duwe (punya), esih (masih); "mbok" asks nothing.
    ("inyong wis daftar, kepriwe terus? kapan dihubungi?", "faq:after_registering"),
    ("rika olih daftar ora nek durung duwe PH?", "faq:production_house"),
    ("nyong esih bisa ndaftar ora kiye? kudu bayar mbok?", "faq:who_can_apply"),
    # Suroboyoan: rek and cak call someone; onok (ada), iso (bisa), boso (bahasa), sopo
    # (siapa), iki (ini), lek (kalau), kabeh (semua), ngapus (hapus).
    ("rek, onok open call saiki ta?", "faq:open_call_now"),
    ("cak, iso ganti boso Inggris gak?", "faq:language"),
    ("sopo seh sing ngelola bot iki?", "faq:who_runs"),
    ("lek aku wis daftar, kapan dihubungi rek?", "faq:after_registering"),
    ("aku pengen ngapus kabeh data ku, iso?", "faq:my_data"),
    # English chat's "honestly", "lol", "even though" ask nothing ("even" was read as "event").
    ("honestly what is kocca lol", "faq:what_is_kocca"),
    ("even though i live in seoul, is there an open call now?", "faq:open_call_now"),
    # A formal letter's "sehubungan dengan", "mekanisme" (how), "kriteria" (requirements).
    (
        "sehubungan dengan pendaftaran, bagaimana mekanisme pengajuan ke Asian Cinema Fund?",
        "program:biff_acf",
    ),
    ("apakah terdapat kriteria bagi pendaftar program musik ke Korea?", "program:music_to_korea"),
    # Hurrying asks nothing (cepetan, buruan).
    ("ADA OPEN CALL GAK??? CEPETAN!!!", "faq:open_call_now"),
    ("buruan jawab, cara daftar gimana? bayar gak?", "faq:who_can_apply"),
    # Who asks: an orgen tunggal player ("tunggal" is not "tanggal"), a campursari group, a
    # girl group, a film composer who does scoring.
    ("aku pemain orgen tunggal, bisa daftar ga?", "faq:who_can_apply"),
    ("orgen tunggal boleh ikut program musik ke korea?", "program:music_to_korea"),
    ("saya penyanyi campursari, kapan dihubungi setelah daftar?", "faq:after_registering"),
    ("we're a girl group, can we perform in korea?", "program:music_to_korea"),
    ("i do scoring, what is bcww?", "program:bcww"),
    # Where a talent plays (weddings, hajatan) says who asks.
    ("saya biasa main buat kawinan, bisa daftar? bayar gak?", "faq:who_can_apply"),
    ("aku penyanyi hajatan, kapan dihubungi setelah daftar?", "faq:after_registering"),
    # Asks the content lacked: a scam in Talent Desk's name, or ID and bank details asked for
    # (who_runs says the bot never asks for them; "foto" and "kirim" got what_to_prepare).
    ("apakah saya perlu kirim foto KTP dan nomor rekening?", "faq:who_runs"),
    ("do i need to send you my id card or bank account number?", "faq:who_runs"),
    (
        "someone messaged me asking for money in the name of talent desk, is that you?",
        "faq:who_runs",
    ),
    # Registering is no selection; an Indonesian abroad may register.
    ("kalau udah daftar berarti pasti lolos kan?", "faq:who_can_apply"),
    ("i'm indonesian but i live abroad, can i still register?", "faq:who_can_apply"),
    # Personal data's protection, data passed on; news so as not to miss a program.
    ("bagaimana perlindungan data pribadi saya?", "faq:my_data"),
    ("will my details be passed to other companies?", "faq:my_data"),
    ("let me know when there's a new program so i don't miss it", "faq:announcements"),
    # Where a registration stands, whether the team read it (it got my_data).
    ("pendaftaranku posisinya sekarang di mana?", "faq:after_registering"),
    ("udah dibaca tim belum pendaftaran saya?", "faq:after_registering"),
    ("has anyone on the team read my registration yet?", "faq:after_registering"),
    # Groups or only solo singers; a training near the talent; MU:CON by registering here.
    ("can bands or groups join the music program, or only solo singers?", "program:music_to_korea"),
    ("ada pelatihan yang dekat daerahku?", "program:training_center"),
    ("if i register here, am i automatically signed up for mucon?", "program:mucon"),
    # Banjar: ulun (saya), handak (mau), kada (tidak), amun (kalau), wayah (sekarang), ganal
    # (besar), bubuhan (a group: who asks); mandaftar, mambayar, mangirim.
    ("ulun handak mandaftar, mambayar kah kada?", "faq:who_can_apply"),
    ("amun ulun sudah mandaftar, kapan dihubungi pian?", "faq:after_registering"),
    ("wayah ini ada kah open call pang?", "faq:open_call_now"),
    ("kaya apa mangirim video bubuhan kami? filenya ganal banar", "faq:showreel_links"),
    # Palembang Malay: ado (ada), dak (tidak), apo (apa), bae (saja), kalu (kalau), biso
    # (bisa), caro (cara), "cak mano" (bagaimana).
    ("ado dak open call sekarang?", "faq:open_call_now"),
    ("data aku dipake buat apo bae?", "faq:my_data"),
    ("cak mano caro daftar, bayar dak?", "faq:who_can_apply"),
    ("kalu dak ado PH, biso ikut dak?", "faq:production_house"),
    # Ambon Malay: beta (saya), ose (kamu), par (untuk), lia (lihat), pung (punya); Kupang
    # Malay: sonde (tidak), balom (belum), bosong (kalian), bemana (bagaimana); "ko" asks
    # nothing.
    ("beta su daftar, bagaimana lia beta pung status?", "faq:after_registering"),
    ("ose bisa kirim info program par beta?", "faq:announcements"),
    ("beta sonde punya PH, bisa ikut ko sonde?", "faq:production_house"),
    ("beta balom daftar, musti bayar ko sonde?", "faq:who_can_apply"),
    ("bemana hapus beta pung data?", "faq:my_data"),
    ("bosong pung bot bisa ganti bahasa inggris ko?", "faq:language"),
    # Acehnese words: lon (saya), galak (mau), na (ada), hana (tidak), pakon (kenapa), ka
    # (sudah), buleun (bulan), jinoe (sekarang), kiban (bagaimana).
    ("lon galak daftar, na biaya hana?", "faq:who_can_apply"),
    ("pakon hana kabar, lon ka daftar buleun lalu", "faq:after_registering"),
    ("na open call jinoe?", "faq:open_call_now"),
    ("kiban cara kirim video lon?", "faq:showreel_links"),
    # Heard in the news: where the talent heard of it, not "berita kocca januari" (these
    # were answered with the January meeting).
    ("kocca itu apa? aku dengar di berita", "faq:what_is_kocca"),
    ("kocca itu apa sih, tadi lihat di berita", "faq:what_is_kocca"),
    ("kocca lembaga apa? saya dengar dari berita", "faq:what_is_kocca"),
    # Malaysian Malay: hantar (kirim), pautan (link), yuran (biaya), selepas (setelah),
    # borang (formulir), persembahan (tampil), "pihak tuan" (anda), nak (mau).
    ("macam mana nak hantar pautan showreel?", "faq:showreel_links"),
    ("ada yuran tak kalau nak daftar?", "faq:who_can_apply"),
    ("selepas daftar, bila pihak tuan akan hubungi saya?", "faq:after_registering"),
    ("borang tu perlu sediakan apa?", "faq:what_to_prepare"),
    # A beatmaker's wav files and stems (songs sent as files), "rn" (right now); chat's
    # "kmrn", "tipu" (a scam) and "televisi".
    ("bisa kirim file wav?", "faq:showreel_links"),
    ("stems nya dikirim kemana?", "faq:showreel_links"),
    ("ada open call rn?", "faq:open_call_now"),
    ("konser kpop di PIK kmrn itu program apa", "program:music_to_korea"),
    ("bot ini resmi atau tipu2?", "faq:who_runs"),
    ("ada pasar konten televisi di korea?", "program:bcww"),
    # Acting in a film with Koreans: the co-production page is for actors too ("main film" was
    # read half as playing music).
    ("pengen main film sama orang korea", "program:coproduction"),
    ("i want to act in a film with korean actors", "program:coproduction"),
    # Korean scripts with Indonesian visuals, which the co-production page names as the
    # opportunity seen at the January 2026 meeting ("visual" is past its answer's first words).
    ("perpaduan naskah korea sama visual indonesia itu buat siapa?", "program:coproduction"),
    ("korean scripts and indonesian visuals, who is that for?", "program:coproduction"),
    # Receiving news ("terima kabar", "terima info") is getting it: "terima" counted against.
    ("udah terima kabar belum dari tim?", "faq:after_registering"),
    ("kapan saya terima kabar setelah daftar", "faq:after_registering"),
    # "-nya" after a consonant: "linknya", "filmnya", "bandnya" were unknown words, and
    # "syutingnya" was not "syuting".
    ("linknya dikirim kemana?", "faq:showreel_links"),
    ("filmnya harus punya PH?", "faq:production_house"),
    ("bandnya boleh tampil di korea?", "program:music_to_korea"),
    ("syutingnya di korea ada insentif?", "program:kofic_incentive"),
    # Speaking with an officer ("petugas") is asking the team.
    ("saya mau bicara dengan petugasnya langsung", "faq:ask_human"),
    ("can i speak to an officer of kocca directly?", "faq:ask_human"),
    # A parent asking how their child registers, and how they consent (session 41's talent
    # review: "wrong" who_can_apply, or unsure).
    (
        "bagaimana caranya saya sebagai orang tua memberikan persetujuan? Apakah saya yang"
        " mengisi formulirnya atau anak saya sendiri?",
        "faq:parents",
    ),
    ("saya orang tua, anak saya mau daftar, persetujuannya gimana?", "faq:parents"),
    ("i'm a parent, how does my son register?", "faq:parents"),
    # Sasak: tiang (saya), uah (sudah), piran (kapan), mun (kalau), leq te (di sini), bayah
    # (bayar), ndeq (tidak), araq (ada).
    ("tiang uah daftar, piran tiang dihubungi?", "faq:after_registering"),
    ("mun daftar leq te bayah ndeq?", "faq:who_can_apply"),
    # Madurese: engkok (saya), mayar (bayar), ekangghuy (dipakai), beih (saja), terro
    # (ingin), bik (dengan), oreng (orang), agenti (ganti), baramma carana (bagaimana caranya).
    ("engkok mayar ta mun daftar?", "faq:who_can_apply"),
    ("data engkok ekangghuy apa beih?", "faq:my_data"),
    ("engkok terro ngobrol bik oreng asli", "faq:ask_human"),
    ("nomer wa engkok agenti, baramma carana?", "faq:after_registering"),
    # Kalimantan Malay: kamek (saya), bile (kapan), lepas (setelah), ade (ada), "macam mane
    # carenye" (bagaimana caranya).
    ("kamek dah daftar, bile dapat kabar?", "faq:after_registering"),
    ("lepas daftar kamek harus ngapain", "faq:after_registering"),
    ("macam mane carenye kirim video?", "faq:showreel_links"),
    ("ade open call ke sekarang?", "faq:open_call_now"),
    # Chat typed almost without vowels: dsn (disini), hrs (harus), byr (bayar), dhbngi
    # (dihubungi), stlh (setelah), crny (caranya), krm (kirim), vdeo, opn cll, hps, dta.
    ("dftr dsn hrs byr gk", "faq:who_can_apply"),
    ("kpn dhbngi stlh dftr?", "faq:after_registering"),
    ("crny krm vdeo gmn", "faq:showreel_links"),
    ("ad opn cll gk skrg", "faq:open_call_now"),
    ("sy mw hps dta sy", "faq:my_data"),
    # Film crews' English: yr, yrs, smth, fyi, prodco (a production company).
    ("shooting a few days in seoul next yr, is there a rebate or smth", "program:kofic_incentive"),
    ("fyi 5 yrs on features, is there a rebate for shooting in korea", "program:kofic_incentive"),
    ("need a korean prodco for kofic?", "program:kofic_incentive"),
    # Sasak's "nu" (itu) and "sebenarne"; "ceritakan" (tell about) asks nothing more.
    ("kocca nu ape sebenarne?", "faq:what_is_kocca"),
    ("tolong ceritakan tentang mucon", "program:mucon"),
    # What KOCCA supports besides music and film (kofic_incentive answered it), who operates
    # the bot, adding a link to one's work ("nambah" is "tambah").
    ("kocca support game juga? atau cuma musik sama film", "faq:what_is_kocca"),
    ("does kocca support animation too?", "faq:what_is_kocca"),
    ("who operates this bot?", "faq:who_runs"),
    ("siapa yg operate bot ini", "faq:who_runs"),
    ("mau nambah link karya baru gimana?", "faq:showreel_links"),
    # A short form with "-nya" is the short form ("registrasinya", "hpnya", "dedlennya").
    ("status registrasinya bisa dicek dimana?", "faq:after_registering"),
    ("nomer hpnya ganti gimana", "faq:after_registering"),
    ("dedlennya kapan", "faq:open_call_now"),
    # Batak Toba: aha (apa), adong (ada), ise (siapa), boha (bagaimana), nunga (sudah), ahu
    # (saya), didia (di mana); Bugis: engka (ada), aga (apa), de' gaga (tidak ada); Jambi
    # Malay: katonyo (katanya), jugo (juga), idak (tidak), punyo (punya).
    ("aha do program na adong, lae?", "faq:programs_overview"),
    ("ise do admin ni? jangan2 penipuan", "faq:who_runs"),
    ("boha caranya kirim video?", "faq:showreel_links"),
    ("nunga mandaftar ahu, didia cek status?", "faq:after_registering"),
    ("engka ga open call skrg?", "faq:open_call_now"),
    ("aga itu mucon?", "program:mucon"),
    ("daftar bayar ji? de' gaga doi ku", "faq:who_can_apply"),
    ("katonyo ado pelatihan di jakarta jugo", "program:training_center"),
    ("aku idak punyo rumah produksi, biso ikut?", "faq:production_house"),
    # Pantura Javanese (Dermayon): ning (di), kene (sini), pira (berapa), kepriben
    # (bagaimana), ana (ada), saiki (sekarang); "organ tunggal" is "orgen tunggal", not a
    # date; a choir ("kor") says who asks; Manggarai's co'o (bagaimana) and ite (anda), ju
    # (juga).
    ("daftar ning kene kudu mbayar pira?", "faq:who_can_apply"),
    ("kepriben carane ngirim video?", "faq:showreel_links"),
    ("ana open call saiki?", "faq:open_call_now"),
    ("aku penyanyi organ tunggal, ada program ke korea?", "program:music_to_korea"),
    ("biduan organ tunggal bisa daftar?", "faq:who_can_apply"),
    ("kor kami mau ke korea, ada program?", "program:music_to_korea"),
    ("co'o ite kirim video ju?", "faq:showreel_links"),
    ("ite bisa tanya langsung ke orang?", "faq:ask_human"),
    # A K-culture fan's Korean words: eotteoke (bagaimana), jebal (tolong), eomma (a parent);
    # jinjja, daebak ask nothing. Careful English: kindly, explain; a payment is paying (it
    # was read as a typo of "parent"); a chamber ensemble and a student's thesis or literature
    # review say who asks.
    ("jinjja? ada program bawa musisi ke korea? eotteoke daftarnya", "program:music_to_korea"),
    ("aku mau dapet info program baru, jebal", "faq:announcements"),
    ("daebak, mucon itu apa?", "program:mucon"),
    ("eomma aku harus setuju ga?", "faq:parents"),
    ("would you kindly explain what mucon is", "program:mucon"),
    ("payment to register?", "faq:who_can_apply"),
    ("I play in a chamber ensemble, can we perform at mucon?", "program:mucon"),
    ("untuk skripsi saya, kocca itu lembaga apa?", "faq:what_is_kocca"),
    ("butuh utk tinjauan pustaka: kocca itu lembaga apa?", "faq:what_is_kocca"),
    # East Javanese as Kediri writes it: wes (sudah), suwe (lama), sepurane (maaf), arep
    # (mau), ono (ada), anyar (baru), nggowo (bawa), sak jane (sebenarnya).
    ("wes daftar, suwe durung dikabari", "faq:after_registering"),
    ("sepurane arep takon, daftar nang kene mbayar ta?", "faq:who_can_apply"),
    ("ono open call anyar ta saiki?", "faq:open_call_now"),
    ("aku arep nggowo band ku nang korea", "program:music_to_korea"),
    ("sak jane ono program opo wae?", "faq:programs_overview"),
    # Gorontalo Malay's "ba" (a verb's prefix written apart) and "bo" (tapi), Bangka's "cm"
    # (cuma), Lampung's nyak (saya), api (apa), mak (tidak; a mother elsewhere), garap (bikin).
    ("kita so ba daftar, kapan dihubungi?", "faq:after_registering"),
    ("so daftar bo blum ada kabar", "faq:after_registering"),
    ("ada pelatihan di luar jakarta ato cm di jakarta?", "program:training_center"),
    ("nyak mau daftar, bayar mak?", "faq:who_can_apply"),
    ("api itu mucon?", "program:mucon"),
    ("nyak lagi garap film pendek, ada dana dari kocca?", "faq:film_funding"),
    ("mak saya harus setuju?", "faq:parents"),
    # A friend asks nothing ("temen" is teman): production_house's phrasing about making films
    # with friends made any friend a production house question; without a PH it still is one.
    ("teman saya mau daftar, caranya?", "faq:who_can_apply"),
    ("saya belum punya ph, bikin film sama teman, bisa ikut?", "faq:production_house"),
    # Hangul in a student in Korea's Indonesian: 서울, 부산, 한국, 등록 (daftar), 영어 (English),
    # KOCCA's Korean short name 콘진원; 혹시 (by any chance) asks nothing.
    ("혹시 mucon itu apa?", "program:mucon"),
    ("mucon di 서울 kapan?", "program:mucon"),
    ("mau syuting di 부산, ada insentif?", "program:kofic_incentive"),
    ("program musisi ke 한국 ada?", "program:music_to_korea"),
    ("aku sudah 등록, kapan dihubungi?", "faq:after_registering"),
    ("bot ini bisa 영어?", "faq:language"),
    ("콘진원 itu apa?", "faq:what_is_kocca"),
    # A screenwriter's script as a PDF is a file; "bingung" (confused) asks nothing (it was
    # read as a typo of "bring": music_to_korea's).
    ("bisa kirim pdf?", "faq:showreel_links"),
    ("script dalam pdf bisa dikirim?", "faq:showreel_links"),
    ("aku bingung daftarnya gimana", "faq:who_can_apply"),
    ("masih bingung, kapan dihubungi?", "faq:after_registering"),
    # A santri's Arabic courtesy words ask nothing: afwan (maaf), antum (anda), insya allah,
    # bismillah.
    ("afwan, antum ini manusia atau bot?", "faq:ask_human"),
    ("insya allah kirim video lewat link bisa?", "faq:showreel_links"),
    ("bismillah, cara daftar gimana?", "faq:who_can_apply"),
    ("alhamdulillah sudah daftar, kapan dihubungi?", "faq:after_registering"),
    # North Maluku Malay: tara (tidak), ba- glued to a verb ("badaftar"); "spt" is seperti.
    # Who asks, in session 43's voices: a Dayak sape' player, a santri's pesantren, pondok and
    # sholawat, a metal band, a mother or father ("mama", "papa", as "emak"): "sape'" was read
    # as "safe" (my_data's), "mama" as "lama".
    ("kita tara tau cara badaftar", "faq:who_can_apply"),
    ("orang spt saya boleh daftar?", "faq:who_can_apply"),
    ("sy pemain sape', bisa daftar?", "faq:who_can_apply"),
    ("musisi dayak bisa daftar?", "faq:who_can_apply"),
    ("anak pondok pesantren boleh daftar?", "faq:who_can_apply"),
    ("kami mau kirim video sholawat", "faq:showreel_links"),  # "cara kirim ...": suggested
    ("band metal underground bisa daftar?", "faq:who_can_apply"),
    ("mama harus kase izin ka?", "faq:parents"),
    ("papa harus setuju?", "faq:parents"),
    # Managing is one word however it is formed (kelola, mengelola, pengelola, ngelola).
    ("siapa yang kelola bot ini?", "faq:who_runs"),
    ("bot ini siapa pengelolanya?", "faq:who_runs"),
    # Session 43b's voices: Bengkulu Malay's -o (siko, berapo, biayo), Osing (isun, riko,
    # nong, kadhung, kelendi, paran, dienggo, uwong; its "tah" asks nothing), Singkawang
    # Hakka (ngai, ngi), Jakarta prokem (ogut); "usah" asks nothing ("ga usah"), "batasan" is
    # "batas" (not a typo of "bahasa"); a videographer or photographer is who asks.
    ("cara daftar di siko", "faq:who_can_apply"),
    ("biayonyo berapo?", "faq:who_can_apply"),
    ("isun pengen daftar, kelendi carane?", "faq:who_can_apply"),
    ("data isun dienggo paran?", "faq:my_data"),
    ("riko iki bot tah uwong?", "faq:ask_human"),
    ("kadung wis daftar, kapan dihubungi?", "faq:after_registering"),
    ("ngai mau daftar, caranya?", "faq:who_can_apply"),
    ("ngi bot ato orang?", "faq:ask_human"),
    ("ogut bisa daftar?", "faq:who_can_apply"),
    ("KTP ga usah kan?", "faq:who_runs"),
    ("ada batasan umur?", "faq:who_can_apply"),
    ("saya videografer, bisa daftar?", "faq:who_can_apply"),
    ("I am a videographer, can I register?", "faq:who_can_apply"),
    ("fotografer boleh daftar?", "faq:who_can_apply"),
    # Banyuwangi's kendang kempul is who asks, as keroncong and dangdut are.
    ("kendang kempul boleh daftar?", "faq:who_can_apply"),
    # Sasak's "siapang" is siapkan (prepare), not a typo of "siapa" (who).
    ("saq perlu siapang ape?", "faq:what_to_prepare"),
    # Registering means no trip to an office: it was answered with KOCCA's Jakarta center.
    ("daftarnya harus datang ke kantor?", "faq:who_can_apply"),
    ("do I need to come to your office to register?", "faq:who_can_apply"),
    # Betawi "sape" is siapa (it was read as "safe", a my_data word, once the role gate came).
    ("sape yang ngelola bot ini?", "faq:who_runs"),
    ("can a drummer from Bandung join this?", "faq:who_can_apply"),  # asks whether one may
    # Session 43c's voices: Bima (nahu, ndai, au, ede, wati, lao), Riau Islands Malay (tanye,
    # bahase, betol, je, ye; "awak" asks nothing), romanized Japanese (sumimasen, nani, eiga,
    # ongaku, touroku; "tte", "chotto" ask nothing).
    ("nahu mau daftar, bayar ka wati?", "faq:who_can_apply"),
    ("au ede kocca?", "faq:what_is_kocca"),
    ("ndai sudah daftar, kapan dihubungi?", "faq:after_registering"),
    ("nahu mau lao daftar, caranya?", "faq:who_can_apply"),
    ("nak tukar bahase macam mane ye", "faq:language"),
    ("awak ni bot ke orang? nak tanye orang betol", "faq:ask_human"),
    ("ape je syarat daftar", "faq:who_can_apply"),
    ("kocca tte nani?", "faq:what_is_kocca"),
    ("touroku sudah, kapan dikabari?", "faq:after_registering"),
    ("sumimasen, cara daftar?", "faq:who_can_apply"),
    ("eiga pendek saya mau ke biff apm chotto", "program:biff_apm"),
    ("cara kirim ongaku", "faq:showreel_links"),
    # A formal letter's words (keikutsertaan; mengingat, terlibat and termasuk ask nothing),
    # and chat's "gpp"; "pemilik" stays who_runs' owner.
    (
        "apakah tersedia pendanaan film dari kocca, mengingat saya terlibat sebagai produser",
        "faq:film_funding",
    ),
    ("keikutsertaan di bcww terbuka bagi pemilik ip?", "program:bcww"),
    ("biaya pendaftaran termasuk apa saja?", "faq:who_can_apply"),
    ("video private gpp, atau harus public?", "faq:showreel_links"),
    ("pemiliknya siapa", "faq:who_runs"),
    ("pemilik bot ini orang korea?", "faq:who_runs"),
    # "baru dengar", "baru tahu": just heard of it, not new programs (announcements).
    ("kocca itu apa? saya baru tahu", "faq:what_is_kocca"),
    # Bima's gambo and silu say who asks in a message about its sender.
    ("saya main gambo, bisa ikut program ke korea?", "program:music_to_korea"),
    ("saya pemain gambo, boleh daftar?", "faq:who_can_apply"),
    # "takut" (afraid) asks nothing by itself.
    ("ortu gue takut ini penipuan, daftar bayar ga?", "faq:who_can_apply"),
    # A formal notice of new programs is program news (announcements' phrasing).
    ("mau dapat pemberitahuan kalau ada program baru", "faq:announcements"),
    # Session 44's voices: pinyin (wo, meiyou, baoming, 報名), Mandar Malay's "kasi" (kasih).
    ("baoming disini perlu bayar?", "faq:who_can_apply"),
    ("報名 disini perlu bayar?", "faq:who_can_apply"),
    (
        "APM busan syaratnya apa ya, wo cuma pernah bikin 2 film pendek, meiyou feature",
        "program:biff_apm",
    ),
    ("bisa kasi tau cara daftar?", "faq:who_can_apply"),
    ("bisa ka pake bahasa inggris bot nya? mau kasi liat ponakanku di malaysia", "faq:language"),
    # "masuk itungan" (counts as) is "termasuk", which asks nothing.
    (
        "gw DJ + produser house/techno, DJ masuk itungan ga buat program musisi ke korea?",
        "program:music_to_korea",
    ),
    # The Mandar kacaping (kecapi) says who asks in a message about its sender, as gambo does.
    (
        "sy penyanyi sayang-sayang Mandar pake kacaping, lagu tradisional ji."
        " bisa ji ikut daftar kah atau cuma yg pop2?",
        "faq:who_can_apply",  # its label's answer: any genre may register (was the music page)
    ),
    ("saya pemain kecapi, boleh daftar?", "faq:who_can_apply"),
    # A blind talent's screen reader ("pembaca layar": not "layar" read as "bayar"), talkback
    # and "tunanetra" say how they read, in a message about its sender.
    (
        "mohon singkat saja, ada program apa saja. pembaca layar saya membaca semuanya panjang"
        " sekali",
        "faq:programs_overview",
    ),
    ("saya tunanetra pakai talkback, bisa daftar?", "faq:who_can_apply"),
    # An okay or thanks before the question does not count against it (session 44's review).
    ("ok cool. And what is MU:CON?", "program:mucon"),
    ("oke, terus MU:CON itu apa?", "program:mucon"),
    ("oke sip, mucon itu apa?", "program:mucon"),
    ("cool, and what is KOCCA?", "faq:what_is_kocca"),
    ("yaudah daftar aja deh", "faq:who_can_apply"),
    # Only who asks, and whether one may: whether they may register (session 44's review).
    ("rap bs ga", "faq:who_can_apply"),
    ("hiphop bisa?", "faq:who_can_apply"),
    ("drummer boleh?", "faq:who_can_apply"),
    ("dangdut bisa ga", "faq:who_can_apply"),
    # Session 44b's voices: Cirebonan "bli" (tidak) asks nothing, its "digawa" and Jogja's
    # "digowo" are dibawa, Jogja's "ra" (tidak), "nduwe" (punya); "dab", "lur" call someone.
    (
        "tarling kuh musik daerah kang, bisa melu bli kanggo digawa ning Korea",
        "program:music_to_korea",
    ),
    ("daftare kudu mbayar bli kang? kita wong cilik duite pas2an", "faq:who_can_apply"),
    ("ana open call bli saiki? kita siap kapan bae", "faq:open_call_now"),
    ("musisi jalanan koyo aku iso digowo neng korea ra to 😂", "program:music_to_korea"),
    ("aku ra nduwe link youtube opo spotify dab, tetep iso ndaftar ra", "faq:showreel_links"),
    ("nomer wa ku ganti lur, piye ngowahi neng pendaftaran", "faq:after_registering"),
    # Jogja's "ndi" (mana); Makassar Malay's "ndi" calls a younger one: neither asks.
    ("mucon ki opo to, panggunge neng ndi", "program:mucon"),
    # (s42's own line, "... upload lagu di youtube ndi, ...", is offered with it first since
    # the support entry came: 0.349 against 0.35, showreel_links a close second.)
    ("sy blm pernah upload lagu ndi, bisa ji tetap daftar?", "faq:what_to_prepare"),
    # A band's "personel" (not "personal", a my_data word) and reggae say who asks.
    ("personel kami boleh ikut program ke korea?", "program:music_to_korea"),
    ("kami band reggae, bisa daftar?", "faq:who_can_apply"),
    ("saya main reggae, ada program ke korea?", "program:music_to_korea"),
    # A wheelchair says how the talent moves, as a screen reader how they read.
    ("saya pakai kursi roda, bisa daftar?", "faq:who_can_apply"),
    ("i use a wheelchair, can i register?", "faq:who_can_apply"),
    # Gambus says who asks, as qasidah does.
    (
        "afwan, grup kami main gambus dan qasidah, apakah termasuk musisi yg bisa daftar?",
        "faq:who_can_apply",  # its label's answer: any genre may register (was the music page)
    ),
    # Session 45's voices: Tegal Javanese gawe/nggawe (bikin: not "game"), sekang (dari),
    # batir (teman); its "metu" (keluar) asks nothing, "botmu" is bot mu.
    (
        "nyong gawe film pendek karo batir2 nang Tegal, durung duwe PH. bisa melu ora tah?",
        "faq:production_house",
    ),
    (
        "pengin nggawe film panjang sing pertama kiye, ana duit sekang Korea ora nggo nggawe film?",
        "faq:film_funding",
    ),
    ("botmu kiye metu basa Inggris kabeh, ganti basa Indonesia kepriben tah", "faq:language"),
    # Palu Malay's particle "le" asks nothing.
    ("MU:CON itu tiap tahun kah? bulan berapa le biasanya", "program:mucon"),
    # Who said so ("kata tetangga") is hearsay, like "katanya": not "data".
    (
        "Apa benar Putri bisa dibawa nyanyi ke Korea? kata tetangga ada programnya",
        "program:music_to_korea",
    ),
    # English's "whenever", "whatever" ask nothing by themselves.
    (
        "is there a deadline to register with you or can I do it whenever",
        "faq:open_call_now",  # its label accepts it
    ),
    # A grandmother asking for her grandchild ("nenek", "cucu") says who asks, as "mama" does.
    (
        "Kalau nanti ada acara atau pengumuman, bagaimana nenek bisa tahu.. dikirim lewat sini?",
        "faq:announcements",
    ),
    (
        "Bisa nenek bicara dgn petugasnya langsung? nenek kurang paham pakai bot begini",
        "faq:ask_human",
    ),
    # Classical music ("klasik") says who asks in a message asking whether one may.
    ("kalau MU:CON itu buat pianis klasik juga bisa?", "program:mucon"),
    # Meeting the requirements ("memenuhi syarat") is the requirements; a group's "pimpinan"
    # (its leader, as "pemimpin") says who asks.
    ("apakah saya memenuhi syarat ikut program ke korea?", "faq:who_can_apply"),
    ("apakah musisi yang sudah berumur masih memenuhi syarat?", "faq:who_can_apply"),
    (
        "saya pimpinan orkes keroncong, apakah kami memenuhi syarat untuk ikut program?",
        "faq:who_can_apply",
    ),
    # Not fiction ("bukan fiksi") is a documentary, not ACF's "fiksi" asked about.
    (
        "oh gitu. tapi sy bikin dokumenter ji, bukan fiksi. ada dana untuk dokumenter kah?",
        "faq:film_funding",
    ),
    ("i make non-fiction films, is there funding?", "faq:film_funding"),
    # Where a talent is "originally" from says who asks, as "asal" does.
    ("I'm a singer originally from Medan. What is MU:CON?", "program:mucon"),
    # Whom the team contacts, parent or child: the parents' entry (updates go to the chat the
    # child registered from).
    ("kalo sudah daftar yg dihubungi saya atau anaknya? lewat apa?", "faq:parents"),
    # Session 47's Sundanese: "di dieu" (di sini), "ka ditu" (ke sana), "kaasup" (termasuk),
    # "nyandak" (membawa), "ngabahas" (membahas), "heula" (dulu).
    (
        "hoyong pisan nyanyi di korea, aya program nu nyandak seniman tradisi ka ditu?",
        "program:music_to_korea",
    ),
    (
        "pertemuan sareng korea januari kamari teh ngabahas naon wae? aya musik na?",
        "faq:jan_2026_meeting",
    ),
    # Sasak's "endek" (tidak), session 47.
    (
        "kami endek punya video di youtube, cuma ada di hp ketua. gmn cara ngirimnya",
        "faq:showreel_links",
    ),
    # Being late ("terlambat") is "telat", not showreel_links' slow internet ("lambat").
    ("ada yang buka skarang kah? sa tra mau terlambat lagi", "faq:open_call_now"),
    # Sasak's "side" (you, polite) asks nothing, as "anda" does.
    ("tabe side, cara daftar gimana?", "faq:who_can_apply"),
    # A choir ("paduan suara") says who asks: not "perpaduan" (coproduction's, which session
    # 47's review got directly).
    ("apakah paduan suara bisa ikut?", "faq:who_can_apply"),
    ("jadi paduan suara bisa ikut ko sonde?", "faq:who_can_apply"),
    # A letter's "perkenankan saya" (allow me) asks nothing, as "perkenalkan" does.
    ("perkenankan saya bertanya, siapa saja yang bisa daftar?", "faq:who_can_apply"),
    # Session 48's Mataraman and Pekalongan function words: biasane, wulan, pora, tuane,
    # ngabari (each an unknown word counted against every entry).
    ("pameran musik ning korea biasane wulan opo?", "program:mucon"),
    ("saiki ana sing dibuka pora?", "faq:open_call_now"),
    ("wong tuane kudu setuju?", "faq:parents"),
    ("sing ngabari sopo nek wis daftar?", "faq:after_registering"),
    # Session 58's talents' review: what the bot is for (not "Can I ask a real person?",
    # whose "bot" alone was all these said once "untuk", "for" were left out); animation,
    # webtoon and game makers; a producer's co-production fund in English; gamelan, a rock
    # band, travel costs in capitals, a second clause on English, an album grant.
    ("bot ini untuk apa?", "faq:about_bot"),
    ("bot ini untuk apa nggih?", "faq:about_bot"),
    ("what is this bot for?", "faq:about_bot"),
    ("animasi masuk program ini ga min?", "faq:other_fields"),
    ("kalau webtoon gimana? saya juga bikin webtoon", "faq:other_fields"),
    ("game developer bisa daftar juga? saya lagi bikin game indie", "faq:other_fields"),
    ("Is there a KOCCA co-production fund we can apply to?", "faq:film_funding"),
    ("gamelan masuk nggak?", "faq:who_can_apply"),
    (
        "bang aku drummer band rock dr medan, ada program buat band rock gak? jgn2 cuma kpop doang",
        "faq:who_can_apply",
    ),
    ("KALO MAU MAIN DI KOREA ITU BAYAR SENDIRI ATAU DIBAYARIN??", "faq:travel_costs"),
    ("perlu bisa bhs korea gak bg? inggris aja pas2an", "faq:korean_language"),
    ("ada hibah untuk produksi album musik?", "program:music_to_korea"),
]
OFF_TOPIC = [
    # "Which two?" is in another message: "beda" alone had the KOFIC page's "beda kofic dan
    # kocca" answered directly (a talent's review: the KOFIC page to a gamelan composer).
    "apa bedanya?",
    "bedanya apa sama yang tadi?",
    "what's the difference between these two?",
    # A festival, a contest or a concert of choirs or gamelan is what is asked, not who asks
    # (EVENTS): the first got biff_apm directly, as "festival korea kapan".
    "festival choir di korea kapan?",
    "festival gamelan di korea ada?",
    "paduan suara apa itu?",  # not coproduction's "perpaduan" (it got it directly)
    # Second-hand ("bekas") is no typo of what_to_prepare's "berkas" (session 47's probes).
    "jual gendang beleq bekas di mana?",
    "beli kamera bekas yang bagus di mana",
    # "terlambat" is "telat": a late train or payment is not a late registration.
    "kereta saya terlambat, gimana?",
    "kalau terlambat bayar cicilan gimana",
    # Cirebon's tarling says who asks in a message about its sender: a tarling singer's
    # greeting got the music page ("tarling" read as a typo of "talking").
    "punten kang, kita penyanyi tarling sing Cirebon, arep takon2 bae lah 🙏",
    "personel bts siapa aja",  # no sender: the band's members are what is asked
    "konser reggae di bali kapan",
    "cara main gambus",
    "kursi roda bisa masuk pesawat?",  # no role to register as
    # Not who may register: a parent or a thesis is no role one registers as; rap is asked
    # about when nobody says they rap.
    "mama boleh?",
    "siapa yang bertanggung jawab kalau konser batal",  # not who runs the bot
    # What an audition in Korea costs is no entry's ("registering here is free" is not it).
    "kalo mau ikut audisi di korea bayar gak kak",
    "ikut audisi di korea bayar ga",
    "skripsi bisa?",
    "cara rap cepat",
    "lagu rap terbaik apa",
    "cara bikin nasi goreng enak",
    "au pair ke korea gimana caranya",  # Bima's "au" is apa; "pair" was read as MU:CON's "fair"
    "jadwal kereta jakarta bandung",
    "qwertyuiop",
    "wkwkwk",
    "98765",
    "where can i buy a cheap phone",
    "tell me a joke",
    "film korea",  # as close to two pages as to one: never a direct answer
    # Each shares a word with an entry's phrasings, but is about something no entry has.
    "ada yang jual nasi goreng?",
    "cara bayar pajak motor",
    "hp ku rusak kak",
    "mau langganan netflix",
    "apply for a credit card",
    "saya mau cari kerja di korea",  # a job: not "kerja sama", cooperation (session 41)
    # Learning Korean: not the bot's language setting, nor asking a person (session 41), nor
    # whether the programs ask for Korean (faq:korean_language, session 52).
    "les bahasa korea yang bagus di mana",
    "learning korean online for free",
    # A vacancy is a job, which no entry offers: not an open call (reviewers, session 41).
    "lowongan drummer",
    "ada lowongan kerja jadi drummer?",
    # Parents travelling: the parents entry is about their consent (reviewers, session 41).
    "do parents need to come to korea",
    "mama harus ikut ke korea?",  # a mother is who asks, as "emak": not "ortu" (session 43)
    # Finances are not the money of who_runs' transfers (session 43).
    "cara ngelola keuangan band",
    "cara kelola keuangan band",
    # A role or art form is who asks only when the message speaks of its sender or asks
    # whether one may; here it is what is asked (an attacker's review, session 43).
    "syarat jadi ustadz",
    "cara daftar pondok pesantren",
    "cara main sape buat pemula",
    "cara jadi fotografer profesional",
    "syarat daftar lomba band underground",
    "festival nasyid daftar dimana",
    "how to convert cassette to mp3",
    "cara digitalisasi lagu dari kaset ke mp3",
    # Right after "jadi", "belajar", "kursus"… the word is what is asked, whoever asks (a
    # second attacker: "bisa" or "ane" opened the gate).
    "syarat jadi ustadz bisa dari mana aja?",
    "bisa belajar sholawat dimana?",
    # Money "from" somewhere is its source, not the talent's town (session 44: Taiwan's fund
    # got film_funding directly).
    "ada dana film dari taiwan ga, yg dari 文策院 TAICCA",
    "ada dana film dari jepang ga",
    "any film grants from japan?",
    # A sponsor for an event is the event's money, not film_funding's "sponsor film" (session
    # 45: a festival programmer's question got film_funding directly).
    "Apakah KOCCA bisa menjadi sponsor festival film pendek di Indonesia? Kami sedang mencari"
    " pendanaan untuk edisi berikutnya.",
    "gimana cara dapet sponsor buat konser band",
    # Singing in Korean is the language, no entry's (session 45's review: a singer's question
    # typed mid-form got what_is_kocca directly, its "K-pop").
    "does K-pop style mean I have to sing in Korean?",
    # "klasik" says who asks only with a sender or a "may": here it is what is asked.
    "konser musik klasik di jakarta kapan",
    "belajar gitar klasik dimana",
    "memenuhi syarat beasiswa lpdp apa saja",
    "saya pimpinan perusahaan, cara memenuhi syarat pajak",
    "rekomendasi buku non fiksi terbaik",
    "film bukan fiksi di netflix apa aja",
    "who originally sang this song",  # no sender: what is asked
    # Whose age or name to write is the form's question, no entry's (session 46's second
    # talents' review: the first got my_data directly).
    "umurnya siapa yang ditulis?",
    "Nama siapa yang harus saya isi, nama saya atau nama murid saya?",
    # Anime is no entry's, not animation's "anim" (session 46's second talents' review: the
    # first got what_is_kocca directly).
    "do you have anything for anime or game music composers?",
    "anything for anime?",
]


def test_safe_and_official_is_asked_of_the_bot_not_of_any_service() -> None:
    # An attacker (session 44): "layanan ini aman dan resmi" and "is this service safe and
    # official" as phrasings answered "layanan pinjol ini aman dan resmi?" and a crypto
    # service's; about the bot, who_runs is answered or offered first.
    for text in ("layanan pinjol ini aman dan resmi?", "is this crypto service safe and official?"):
        assert decide(MATCHER.match(text), DEFAULTS).outcome is not Outcome.ANSWERED, text
    for text in ("Is this service safe and official?", "will my child be asked for money later?"):
        assert MATCHER.match(text).ranked[0][0] == "faq:who_runs", text


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("iya", True),
        ("ya kak", True),
        ("boleh", True),
        ("iya kirim aja kak", True),
        ("yes send it", True),
        ("udah", True),
        ("iya kirim ke tim aja kak", True),  # 24 characters: as long as a bare one is read
        ("batal", True),
        ("gak jadi deh", True),
        ("cara kirim video", False),  # a question: read as one
        ("iya, mau daftar", False),
        ("makasih", False),
        ("iya kirim aja kak, tapi tolong dibaca pelan pelan ya", False),  # long: not read
    ],
)
def test_send_or_cancel_reads_only_a_bare_yes_or_no(text: str, bare: bool) -> None:
    assert send_or_cancel(text) is bare


@pytest.mark.parametrize(
    ("text", "wish"),
    [
        ("mau daftar", True),
        ("i want to sign up", True),
        # Session 46's review: after thanks or "bukan itu", for someone, "then": the form.
        (
            "Oh Begitu ya. Terima Kasih Banyak Informasinya. Kalau Begitu Saya Mau Daftarkan"
            " Keponakan Saya Sekarang.",
            True,
        ),
        ("Bukan Itu. Saya Mau Mendaftar Untuk Keponakan Saya.", True),
        ("Oh nggih, matur nuwun. Monggo kula badhe daftar", True),
        ("ok thanks, saya daftar sekarang", True),
        ("makasih! ok let me register then", True),
        ("Sekarang saya mau daftarkan band kami", True),
        # A second review: "bang", and a teacher for a pupil.
        ("yaudah gas daftar bang", True),
        ("saya ingin mendaftarkan murid saya", True),
        # Session 47's review: English "I'll", "I'd like", "I'm going to", and "apply".
        ("hmm ok, I'll just register then", True),
        ("ok I'll apply", True),
        ("I'd like to register", True),
        ("i'm going to sign up", True),
        ("I will register my band", True),
        # Asking about it, having done it, or registering for something else: the FAQ.
        ("bisa daftar?", False),
        ("gimana daftar", False),
        ("gimana cara daftar", False),
        ("udah daftar", False),
        ("saya sudah daftar kemarin", False),
        ("kapan bisa daftar?", False),
        ("mau daftar tapi bayar gak?", False),
        ("mau daftar tapi bayar gak", False),
        ("saya mau daftar sekolah", False),
        ("mau daftar cpns", False),
        ("daftar sekolah negeri kapan", False),
        ("I already registered", False),
        ("how do I register?", False),
        ("how do I apply", False),
        ("can I apply", False),
        ("i want to apply for a visa", False),
        ("I'd like to know how to register", False),
        ("I'll register later", False),
        ("i will not register", False),
        ("kalau mau daftar", False),  # "kalau" alone is no "then"
        ("gimana, mau daftar", False),
        ("makasih, saya ga mau daftar", False),
        ("makasih, saya mau daftar ya?", False),  # a wish with a question mark asks
    ],
)
def test_a_wish_to_register_is_told_from_asking_about_it(text: str, wish: bool) -> None:
    assert wants_to_register(text) is wish


def test_an_aunt_asking_for_a_child_is_offered_the_parents_entry() -> None:
    # Session 46's review: an aunt asking whether her 15-year-old niece may join never saw
    # "For parents and guardians" among the suggestions.
    match = MATCHER.match(
        "Selamat Siang. Saya Tante dari Seorang Anak umur 15 Tahun yang Pandai Bermain Sasando"
        " dari Pulau Rote, Apakah Dia Bisa Ikut Program ke Korea Ini?"
    )
    verdict = decide(match, DEFAULTS)
    assert verdict.outcome is Outcome.SUGGESTED
    assert "faq:parents" in verdict.others


def test_a_parent_asking_how_to_register_a_child_is_offered_the_parents_entry() -> None:
    # Session 46's second talents' review: a mother's "how do I register my child?" got
    # "Who can register?" directly (registering a child is a parent's act: PHRASES), or,
    # after a greeting and her daughter's age, suggestions without the parents' entry.
    verdict = decide(MATCHER.match("Bagaimana cara mendaftarkan anak saya?"), DEFAULTS)
    assert (verdict.outcome, verdict.entry) == (Outcome.ANSWERED, "faq:parents")
    verdict = decide(
        MATCHER.match(
            "Selamat siang. Saya ibunya Nadia, umur 15 tahun, dia suka nyanyi."
            " Bagaimana cara mendaftarkan anak saya?"
        ),
        DEFAULTS,
    )
    # Session 62: "Saya ibunya Nadia" says a parent writes (a talents' review, H3): the parents'
    # entry is the answer now, where it was one of the suggestions.
    assert verdict.entry == "faq:parents" or "faq:parents" in verdict.others


def test_songs_on_a_cd_are_offered_how_to_send_a_link() -> None:
    # Not answered directly: a cassette phrasing did, and answered digitising one too.
    match = MATCHER.match("lagu saya cuma ada di cd, gimana kirimnya?")
    assert match.ranked[0][0] == "faq:showreel_links"


# The off-topic guard: an entry's own words are answered; with words no entry has, they are
# about something else ("tiktok", "kartu kredit", "oli"), and get no direct answer.
GUARDED = [
    ("kirim video", "kirim video ke tiktok biar viral", "faq:showreel_links"),
    ("daftar bayar ga", "daftar kartu kredit bayar ga", "faq:who_can_apply"),
    ("ganti bahasa", "ganti oli motor", "faq:language"),
    # Being paid ("dibayar", "digaji", "dapat duit") is a fee no entry has, not what
    # registering costs (session 45's review: a DJ's question got who_can_apply directly).
    (
        "daftar di sini harus dibayar ga?",
        "emg ada duitnya? dibayar gak kalo tampil di korea?",
        "faq:who_can_apply",
    ),
    ("daftar disini hrs bayar ga?", "musisinya dapat duit ga kalo tampil?", "faq:who_can_apply"),
    # Registering at a school is school admission (session 46's review), not registering here.
    ("anak sekolah boleh daftar", "daftar sekolah negeri kapan", "faq:who_can_apply"),
    (
        "kapan pendaftaran dibuka",
        "pendaftaran sekolah sudah buka belum, takut terlambat",
        "faq:open_call_now",
    ),
]


@pytest.mark.parametrize(("text", "expected"), INDONESIAN + ENGLISH + TYPOS + CHAT)
def test_phrasings_are_answered_with_their_entry(text: str, expected: str) -> None:
    assert not held_out(text)
    verdict = decide(MATCHER.match(text), DEFAULTS)
    assert (verdict.outcome, verdict.entry) == (Outcome.ANSWERED, expected)


@pytest.mark.parametrize(
    ("text", "thanks"),
    [
        ("oke makasih kak infonya 🙏", True),
        ("terima kasih banyak", True),
        ("thank you so much!", True),
        # Not thanks in so many words, or thanks that go on to ask: the talent is not done.
        ("oke", False),
        ("siap kak", False),
        ("good morning", False),
        ("🙏", True),  # thanks alone (a new staff member's review: it put the talent back)
        ("makasih ya kak", True),
        # A yes with thanks may answer what staff asked ("Sudah kirim link?"): it goes to them.
        ("iya kak 🙏", False),
        ("udah kak makasih", False),
        ("inggih sampun 🙏", False),
        ("oke gimana kak?", False),
        ("makasih, mau tanya lagi", False),
        ("makasih, satu lagi dong", False),
        ("makasih kak, tolong", False),
        ("makasih, admin?", False),
        ("makasih kak?", False),
        # Thanks that ask back go to staff; thanks stressed are thanks (session 44).
        ("makasih kak, maksudnya", False),
        ("makasih, wdym", False),
        ("oke beneran", False),
        ("terima kasih, serius", True),
        ("makasih, beneran membantu", True),
        ("matur nuwun", True),
        ("kurre sumanga'", True),
        ("고맙습니다 kak", True),
        ("sembah nuwun", True),
        ("saohagölö ama", True),
        ("to sia ko", True),
    ],
)
def test_only_thanks_ends_a_question_to_the_team(text: str, thanks: bool) -> None:
    assert only_thanks(text) is thanks


def test_a_new_entry_takes_no_words_from_the_others() -> None:
    """The parents entry (session 41) once turned these into confident wrong answers: its
    title's "register" and its answer's "umur" weighed less for the entries that own them."""
    for text, wrong in (
        ("can i register my band", "program:mucon"),
        ("umur maksimal berapa?", "faq:showreel_links"),
    ):
        verdict = decide(MATCHER.match(text), DEFAULTS)
        assert (verdict.outcome, verdict.entry) != (Outcome.ANSWERED, wrong), text


def test_a_name_typed_with_a_letter_held_down_is_still_offered() -> None:
    """ "bifff": its letters held down are read once ("bif"), which is BIFF's short name: both
    BIFF pages are offered (it got nothing)."""
    verdict = decide(MATCHER.match("bifff"), DEFAULTS)
    assert {"program:biff_apm", "program:biff_acf"} <= set(verdict.others)


@pytest.mark.parametrize("text", OFF_TOPIC)
def test_off_topic_is_never_answered_directly(text: str) -> None:
    assert not held_out(text)
    assert decide(MATCHER.match(text), DEFAULTS).outcome is not Outcome.ANSWERED


@pytest.mark.parametrize(
    "text",
    [
        "harus bisa bahasa korea ga?",
        "perlu bisa ngomong korea ga kak",
        "do I need to speak Korean?",
    ],
)
def test_korean_the_language_is_not_the_bots_language_nor_a_person(text: str) -> None:
    """Nothing in content says whether Korean is needed: no entry is offered for it, least
    of all the bot's language setting or asking a person (talent review, session 41)."""
    verdict = decide(MATCHER.match(text), DEFAULTS)
    offered = {verdict.entry, *verdict.others}
    assert offered.isdisjoint({"faq:language", "faq:ask_human"}), verdict


def test_sign_language_is_not_the_bots_language_nor_requirements() -> None:
    """ "bahasa isyarat" is sign language, which no entry has: not the bot's language setting
    ("ada bahasa isyarat?" got faq:language directly), nor "syarat", requirements."""
    for text in ("ada bahasa isyarat?", "film saya pakai bahasa isyarat, boleh daftar?"):
        verdict = decide(MATCHER.match(text), DEFAULTS)
        assert "faq:language" not in {verdict.entry, *verdict.others}, verdict


def test_usually_asks_nothing() -> None:
    """ "biasa" (usually) asks nothing, as "biasanya": what_to_prepare's phrasing about an
    ordinary video ("video biasa") made "aku biasa main di kawinan, bisa daftar?" a direct
    what_to_prepare answer. Without a showreel, an ordinary video is still what_to_prepare's."""
    for text in ("aku biasa main di kawinan, bisa daftar?", "biasa main, bisa daftar?"):
        verdict = decide(MATCHER.match(text), DEFAULTS)
        assert (verdict.outcome, verdict.entry) != (Outcome.ANSWERED, "faq:what_to_prepare")
    verdict = decide(MATCHER.match("belum punya showreel, cuma video biasa, boleh?"), DEFAULTS)
    assert (verdict.outcome, verdict.entry) == (Outcome.ANSWERED, "faq:what_to_prepare")


def test_serious_is_not_a_typo_of_series() -> None:
    # "serius mau daftar ke korea" got BCWW's page (its "drama series" phrasings).
    verdict = decide(MATCHER.match("serius mau daftar ke korea"), DEFAULTS)
    assert verdict.entry != "program:bcww"
    assert verdict.outcome is not Outcome.ANSWERED or verdict.entry == "faq:who_can_apply"


def test_a_screen_reader_or_a_wedding_gig_is_no_role_to_register_as() -> None:
    # An attacker (session 44): "talkback bisa?" asks whether a screen reader works,
    # "kawinan bisa?" about a wedding gig; "tunanetra bisa?", "rap bs ga" ask who may join.
    for text in ("talkback bisa?", "screenreader bisa?", "kawinan bisa?", "hajatan boleh?"):
        assert decide(MATCHER.match(text), DEFAULTS).outcome is not Outcome.ANSWERED, text
    for text in ("tunanetra bisa?", "rap bs ga"):
        assert decide(MATCHER.match(text), DEFAULTS).entry == "faq:who_can_apply", text


def test_told_is_telling_not_a_typo_of_hold() -> None:
    """ "told" asks nothing, as "tell": it was read as a typo of "hold" ("what information do
    you hold about me", a my_data phrasing since session 42)."""
    verdict = decide(MATCHER.match("my friend told me about this bot"), DEFAULTS)
    assert "faq:my_data" not in {verdict.entry, *verdict.others}, verdict


def test_me_or_my_child_is_a_parents_question() -> None:
    """ "saya atau anaknya" (me or my child) is asked by a parent: the parents' entry is
    offered, not only who may register (session 47: who_can_apply got it directly)."""
    text = "kalo sudah daftar yg dihubungi saya atau anaknya? lewat apa?"
    verdict = decide(MATCHER.match(text), DEFAULTS)
    assert verdict.outcome is not Outcome.ANSWERED or verdict.entry == "faq:parents", verdict
    assert "faq:parents" in {verdict.entry, *verdict.others}, verdict
    verdict = decide(MATCHER.match("yang isi form saya atau anak saya?"), DEFAULTS)
    assert (verdict.outcome, verdict.entry) == (Outcome.ANSWERED, "faq:parents")


def test_counting_as_asks_nothing_and_a_ships_crew_says_who_asks() -> None:
    """Session 47: "masuk kategori", "count as" (as "masuk hitungan"), "mostly" and "walau"
    (walaupun) ask nothing; a ship's crew member ("ABK") says who asks, so a cruise-ship
    singer asking whether they may register is offered who_can_apply (it got nothing)."""
    for text in ("masuk kategori", "does that count as", "mostly", "walau", "masuk ndak hitungan"):
        assert content_words(words(text)) == [], text
    text = (
        "sy ABK kapal pesiar, tiap malem nyanyi di crew bar. bisa daftar walau lg kerja di"
        " luar negeri?"
    )
    verdict = decide(MATCHER.match(text), DEFAULTS)
    # Session 58: answered, as the question alone is, once the whole message fits it best
    # too (it was offered among others).
    assert (verdict.outcome, verdict.entry) == (Outcome.ANSWERED, "faq:who_can_apply"), verdict


def test_a_boss_asked_for_says_who_asks() -> None:
    """ "bos saya minta dicek ...", "bos mau tau kita ...": a boss for whom an assistant asks
    (session 48) says who asks in a message about its sender, never in "naik gaji ke bos"."""
    assert "bos" in _who_asks(words("bos saya mau tau, ada pendanaan film?"))
    assert "atasan" in _who_asks(words("atasan kami nanya, insentif syuting ada?"))
    assert "bos" not in _who_asks(words("cara minta naik gaji ke bos"))
    for off_topic in (
        "bos saya galak, gimana cara resign?",
        "bos saya mau liburan ke korea, visa gimana?",
    ):
        assert decide(MATCHER.match(off_topic), DEFAULTS).outcome is not Outcome.ANSWERED


def test_a_genre_asked_to_join_asks_who_can_register() -> None:
    """Session 48: "does my genre count?" gets "Who can register?" (any genre may register), not
    the music program's long page; a genre learned, listened to or taken to Korea does not."""
    for text in (
        "apakah musik religi bisa?",
        "musik dangdut bisa ikut?",
        "rap bisa ikut kah?",
        "kalau kami nyanyi lagu rohani/gospel bisa ji daftar di sini kah?",
        "afwan, grup kami main gambus dan qasidah, apakah termasuk musisi yg bisa daftar?",
    ):
        verdict = decide(MATCHER.match(text), DEFAULTS)
        assert verdict.outcome is Outcome.ANSWERED, (text, verdict)
        assert verdict.entry == "faq:who_can_apply", (text, verdict)
    # Papuan "pace" (sir) addresses, as "bela" does: a stopword and a greeting.
    verdict = decide(MATCHER.match("pace sa rapper dari sorong. rap bisa ikut kah?"), DEFAULTS)
    assert (verdict.outcome, verdict.entry) == (Outcome.ANSWERED, "faq:who_can_apply"), verdict
    assert MATCHER.match("selamat pagi pace").talk == "greeting"
    verdict = decide(MATCHER.match("penyanyi jazz bisa ikut ke korea?"), DEFAULTS)
    assert verdict.entry == "program:music_to_korea", verdict
    for off_topic in (
        "belajar rap bisa dimana",
        "cara rap cepat",
        "lagu rap terbaik apa",
        "lagu dangdut koplo terbaru bisa didownload dimana",
        "does rap count as poetry?",
        "dangdut termasuk musik asli indonesia?",
        "hiphop bisa bikin kaya ga",
        "how do I register for a hardcore music festival",
    ):
        assert decide(MATCHER.match(off_topic), DEFAULTS).outcome is not Outcome.ANSWERED, off_topic


def test_military_service_is_no_entrys() -> None:
    """ "wajib militer" (military service, "wamil") is no entry's: "militer" was read as a typo
    of "minister", and an age limit for it got who_can_apply directly (at the threshold)."""
    for off_topic in (
        "batasan umur masuk wajib militer korea berapa",
        "umur berapa wamil di korea",
        "military service age in korea",
    ):
        assert decide(MATCHER.match(off_topic), DEFAULTS).outcome is not Outcome.ANSWERED, off_topic


def test_a_role_the_talent_is_not_says_who_asks() -> None:
    """ "bukan sutradara", "not a director": what the talent is not is who asks too, even a role
    an entry's phrasing has (session 49: an editor asking whether they may register got the
    open call, whose "kapan pendaftaran untuk sutradara dibuka" has the role)."""
    for text in (
        "saya cuma colorist, bukan sutradara. boleh daftar juga?",
        "I'm an editor, not a director. Can I register?",
        "aku kameramen, bukan seorang sutradara, bisa ikut daftar?",
    ):
        verdict = decide(MATCHER.match(text), DEFAULTS)
        assert (verdict.outcome, verdict.entry) == (Outcome.ANSWERED, "faq:who_can_apply"), text
    # Not about its sender: the role is still what is asked.
    verdict = decide(MATCHER.match("kapan pendaftaran untuk sutradara dibuka"), DEFAULTS)
    assert verdict.entry == "faq:open_call_now", verdict


def test_a_letters_salam_asks_nothing_before_a_question() -> None:
    """ "wr wb" and "semoga senantiasa" ask nothing: unknown words, they counted against the
    question after them."""
    verdict = decide(MATCHER.match("Assalamualaikum wr wb, saya mau tanya cara daftar"), DEFAULTS)
    assert (verdict.outcome, verdict.entry) == (Outcome.ANSWERED, "faq:who_can_apply"), verdict


def test_an_office_job_is_no_entrys() -> None:
    """ "kerja kantoran" (an office job) is a job, as a vacancy is: no entry's, not KOCCA's
    office (session 49's vacancy question got production_house directly)."""
    for off_topic in (
        "ada lowongan kerja kantoran di perusahaan film korea?",
        "cari kerja kantoran di rumah produksi jakarta",
    ):
        assert decide(MATCHER.match(off_topic), DEFAULTS).outcome is not Outcome.ANSWERED, off_topic
    verdict = decide(MATCHER.match("kantor kocca di jakarta dimana?"), DEFAULTS)
    assert verdict.entry == "faq:kocca_jakarta", verdict


def test_a_retired_sender_says_who_asks() -> None:
    """ "pensiunan" (retired) says who asks in a message about its sender (session 46's
    retired civil servant got nothing at all)."""
    for text in (
        "Saya pensiunan PNS, usia 64 th, menulis puisi yg kemudian saya jadikan lagu bersama"
        " cucu saya. Apakah usia saya masih diperkenankan untuk mendaftar ?",
        "saya pensiunan guru, bisa ikut program ini?",
    ):
        verdict = decide(MATCHER.match(text), DEFAULTS)
        assert verdict.outcome is Outcome.SUGGESTED, verdict
        assert verdict.others[0] == "faq:who_can_apply", verdict


def test_sundanese_function_words_ask_nothing() -> None:
    """Session 47: "di dieu" (di sini), "ka ditu" (ke sana), "kaasup" (termasuk) and "heula"
    (dulu) ask nothing ("dieu" was stemmed to "eu", an unknown word)."""
    assert content_words(words("sinden teh kaasup musisi teu di dieu? ka ditu heula")) == [
        "sinden",
        "musisi",
    ]


def test_sundanese_words_for_registering_preparing_and_asking_are_written_out() -> None:
    """Session 49: Sundanese "ngadaptar" (daftar), "tos" (sudah), "nyiapkeun" (menyiapkan),
    "ngeusian" (mengisi), "sateuacan" (sebelum), "naros" (tanya), "jalmi" (orang), "kitu"
    (begitu), "ngintunkeun" (kirim) were unknown words, counted against every entry."""
    for text, entry in [
        ("kumaha carana ngadaptar band?", "faq:who_can_apply"),
        ("abdi parantos ngadaptar minggu kamari, iraha dihubungi?", "faq:after_registering"),
        ("sateuacan ngeusian formulir kedah nyiapkeun video?", "faq:what_to_prepare"),
        ("abdi tos ngintunkeun link, kumaha ayeuna?", "faq:showreel_links"),
        ("hoyong naros ka jalmi, sanes ka bot", "faq:ask_human"),
    ]:
        verdict = decide(MATCHER.match(text), DEFAULTS)
        assert (verdict.outcome, verdict.entry) == (Outcome.ANSWERED, entry), text


def test_minors_words_reach_who_can_register_and_the_parents_entry() -> None:
    """Session 49: chat's "bocah", "bocil" (a child) are "anak", Suroboyoan "melok" is
    "ikut" and Javanese "sek" is "masih"; a teen asking for a parent's permission is the
    parents' entry."""
    for text, entry in [
        ("bocah smp boleh ikut daftar?", "faq:who_can_apply"),
        ("remaja 16 tahun harus minta izin ortu?", "faq:parents"),
        ("i'm 14, do i need my parents' permission to join?", "faq:parents"),
    ]:
        verdict = decide(MATCHER.match(text), DEFAULTS)
        assert (verdict.outcome, verdict.entry) == (Outcome.ANSWERED, entry), text
    assert content_words(words("bocil sek sma melok")) == ["anak", "sekolah", "ikut"]


def test_money_given_back_and_a_formal_open_call_are_understood() -> None:
    """Session 49: money "dibalikin" (given back) is the location incentive's rebate (it was
    read as a typo of "dibagikan", and the stemmer made "dikembalikan" and "kembali" two
    words); a letter's "menerima pengajuan" asks for an open call, and its "sebagai penutup"
    (in closing) and Medan's "kau" (you) ask nothing."""
    for text, entry in [
        ("syuting di korea biayanya dibalikin sebagian?", "program:kofic_incentive"),
        ("saat ini sedang menerima pengajuan program tidak?", "faq:open_call_now"),
        ("Sebagai penutup, apakah pendaftaran sedang dibuka?", "faq:open_call_now"),
        ("kau tau cara daftar?", "faq:who_can_apply"),
    ]:
        verdict = decide(MATCHER.match(text), DEFAULTS)
        assert (verdict.outcome, verdict.entry) == (Outcome.ANSWERED, entry), text


def test_a_condition_described_asks_for_support() -> None:
    """Session 49: an injury or difficulty walking, and whether to mention it, is the support
    needs entry; the condition alone, asked about for itself, is no entry's."""
    verdict = decide(MATCHER.match("kaki saya cedera, perlu saya tulis di formulir?"), DEFAULTS)
    assert (verdict.outcome, verdict.entry) == (Outcome.ANSWERED, "faq:support_needs"), verdict
    for off_topic in ("cedera lutut cara sembuhnya gimana", "sakit kronis obatnya apa"):
        assert decide(MATCHER.match(off_topic), DEFAULTS).outcome is not Outcome.ANSWERED, off_topic


def test_a_fuss_to_register_and_who_handles_the_bot_are_asked_in_chat_words() -> None:
    """Session 49: "ribet" (a fuss) about registering is who_can_apply's; "ngurus" (handles)
    the bot is who_runs', and Javanese "jane" (actually) asks nothing; handling papers
    elsewhere ("ngurus visa") is no entry's."""
    for text, entry in [
        ("ribet gak sih daftarnya", "faq:who_can_apply"),
        ("jane siapa sih yang ngurus bot ini?", "faq:who_runs"),
    ]:
        verdict = decide(MATCHER.match(text), DEFAULTS)
        assert (verdict.outcome, verdict.entry) == (Outcome.ANSWERED, entry), text
    for off_topic in ("cara ngurus visa ke korea", "ngurus paspor ribet ga"):
        assert decide(MATCHER.match(off_topic), DEFAULTS).outcome is not Outcome.ANSWERED, off_topic


def test_a_pronoun_joined_to_a_word_is_left_off_when_the_root_is_an_entrys() -> None:
    """Session 49: "kuisi" (I filled in), "kukirim" (I send), "grupku" (my group): the
    stemmer keeps "ku-", "-ku" on a short word, an unknown word counted against every entry;
    "buku" (book) is not "bu" and "ku". A fake account is asked of the bot."""
    for text, entry in [
        ("kukirim link youtube ke mana?", "faq:showreel_links"),
        ("udah kuisi formulirnya, kapan dihubungi?", "faq:after_registering"),
        ("is this a fake account?", "faq:who_runs"),
    ]:
        verdict = decide(MATCHER.match(text), DEFAULTS)
        assert (verdict.outcome, verdict.entry) == (Outcome.ANSWERED, entry), text
    assert decide(MATCHER.match("jual buku bekas dimana"), DEFAULTS).outcome is not (
        Outcome.ANSWERED
    )


def test_where_a_talent_lives_and_polite_fillers_ask_nothing() -> None:
    """Session 49: a town after "di" in a message about its sender is where the talent is,
    no typo of another word ("Medan" was read as "mean"); "bah aku" is not "bahaku" (read as
    "bahasa"); a letter's "kurang berkenan", Medan's "rupanya", "sejauh ini" ask nothing;
    Banyumasan "baen" is "saja" and chat's "ttp" "tetap"."""
    for text, entry in [
        ("saya sutradara di Pekalongan, ada pelatihan film?", "program:training_center"),
        ("aku musisi di Ternate, boleh daftar?", "faq:who_can_apply"),
        ("bah aku bingung, cara daftar gimana?", "faq:who_can_apply"),
        (
            "Mohon maaf apabila kurang berkenan, apakah daftar di sini dipungut biaya?",
            "faq:who_can_apply",
        ),
        ("nyong wong film, ana program apa baen nang kene?", "faq:programs_overview"),
    ]:
        verdict = decide(MATCHER.match(text), DEFAULTS)
        assert (verdict.outcome, verdict.entry) == (Outcome.ANSWERED, entry), text
    assert content_words(words("sejauh ini rupanya ttp")) == ["tetap"]


def test_visiting_in_javanese_and_data_shared_with_companies() -> None:
    """Session 49: Javanese "dolan" (to visit) is coming to the office; data shared with
    companies is the data entry."""
    for text, entry in [
        ("boleh dolan ke kantor kocca jakarta?", "faq:kocca_jakarta"),
        ("do you share my data with companies?", "faq:my_data"),
    ]:
        verdict = decide(MATCHER.match(text), DEFAULTS)
        assert (verdict.outcome, verdict.entry) == (Outcome.ANSWERED, entry), text


def test_practising_is_not_the_training_centre() -> None:
    """ "latihan" (practising) is no entry's word: the training centre is "pelatihan"
    (session 47: a group asking whether registration is open, to practise from now, got
    training_center directly)."""
    text = "ada pendaftaran yg lagi buka skrg ndak? biar kami latihan dari sekarang"
    verdict = decide(MATCHER.match(text), DEFAULTS)
    assert verdict.entry != "program:training_center", verdict
    assert "faq:open_call_now" in {verdict.entry, *verdict.others}, verdict
    assert decide(MATCHER.match("pelatihan konten di jakarta ada?"), DEFAULTS).entry == (
        "program:training_center"
    )


def test_locked_with_a_password_is_the_password() -> None:
    """ "kunci pakai password" (locked with a password) is the password: "kunci" is no entry's
    word, and session 45's review's Makassar filmmaker got nothing at all."""
    verdict = decide(
        MATCHER.match("filmnya sy kunci pakai password di vimeo, bagaimana mi?"), DEFAULTS
    )
    assert verdict.outcome is Outcome.SUGGESTED
    assert verdict.others[0] == "faq:showreel_links"


def test_being_entered_in_a_program_is_taking_part() -> None:
    """ "diikutsertakan" is "ikut": session 45's review's Pak Hendra got nothing at all."""
    verdict = decide(
        MATCHER.match(
            "Selamat siang Bapak/Ibu petugas. Saya Hendra dari Orkes Keroncong Sinar Harapan,"
            " Surabaya. Mohon informasi apakah orkes keroncong dengan anggota berusia 40 sampai"
            " 70 tahun dapat diikutsertakan dalam program musik ke Korea. Terima kasih."
        ),
        DEFAULTS,
    )
    assert verdict.outcome is Outcome.SUGGESTED
    assert verdict.others[0] == "program:music_to_korea"


def test_deaf_is_not_writing() -> None:
    """ "tuli" (deaf) is no entry's word, as "tunarungu" is: the English rules stem "tulis"
    (write) to "tuli", and "saya tuli, bisa daftar?" got after_registering directly."""
    for text in ("saya tuli, bisa daftar?", "Di Korea ada festival film tuli?"):
        assert decide(MATCHER.match(text), DEFAULTS).outcome is not Outcome.ANSWERED, text


@pytest.mark.parametrize(("question", "off_topic", "entry"), GUARDED)
def test_words_no_entry_has_keep_an_entrys_words_from_answering(
    question: str, off_topic: str, entry: str
) -> None:
    answered = decide(MATCHER.match(question), DEFAULTS)
    assert (answered.outcome, answered.entry) == (Outcome.ANSWERED, entry)
    guarded = decide(MATCHER.match(off_topic), DEFAULTS)
    assert guarded.outcome is not Outcome.ANSWERED
    assert guarded.entry is None


# What a talent sets aside ("selain mucon", "other than BIFF") is neither the answer nor one of
# the suggestions, in both languages; the rest of the message is still matched.
SET_ASIDE = [
    ("mucon itu apa", "selain mucon ada festival musik apa lagi kak", "program:mucon"),
    ("mucon itu apa", "selain mu con ada apa lagi?", "program:mucon"),
    ("mucon itu apa", "ada program lain selain dari mucon?", "program:mucon"),
    ("mucon itu apa", "selain mucon ada program apa lagi?", "program:mucon"),
    ("what is bcww", "besides bcww, what else is there for films?", "program:bcww"),
    ("what is bcww", "kecuali bcww ada acara film lain?", "program:bcww"),
    ("ada open call gak", "selain open call ada apa lagi", "faq:open_call_now"),
]

# A word set aside that the talent says again, or whose entry the rest of the message names,
# is what they ask about after all (the attacker review's sentences).
ASKED_AFTER_ALL = [
    ("what happens to my data other than data deletion", "faq:my_data"),
    ("selain daftar di sini bisa daftar dimana", "faq:who_can_apply"),
    ("other than registering here how do I register", "faq:who_can_apply"),
    ("selain dana biff ada dana film lain?", "faq:film_funding"),
    ("other than a showreel can I send my work", "faq:showreel_links"),
    ("selain bahasa inggris ada bahasa lain?", "faq:language"),
    ("besides news, what info do you send", "faq:announcements"),
]


@pytest.mark.parametrize(("text", "entry"), ASKED_AFTER_ALL)
def test_what_is_set_aside_and_asked_again_is_answered(text: str, entry: str) -> None:
    assert not held_out(text)
    verdict = decide(MATCHER.match(text), DEFAULTS)
    assert (verdict.outcome, verdict.entry) == (Outcome.ANSWERED, entry)


@pytest.mark.parametrize(("asked", "aside", "entry"), SET_ASIDE)
def test_what_a_talent_sets_aside_is_never_the_answer(asked: str, aside: str, entry: str) -> None:
    assert not held_out(asked) and not held_out(aside)
    assert decide(MATCHER.match(asked), DEFAULTS).entry == entry  # named alone: answered
    verdict = decide(MATCHER.match(aside), DEFAULTS)
    assert entry != verdict.entry and entry not in verdict.others


def test_other_than_leaves_out_every_entry_the_word_names() -> None:
    # "biff" names both Busan programs: neither answers "other than BIFF".
    verdict = decide(MATCHER.match("other than BIFF, are there film programs?"), DEFAULTS)
    named = {"program:biff_apm", "program:biff_acf"}
    assert verdict.entry not in named and named.isdisjoint(verdict.others)
    assert verdict.outcome is not Outcome.UNANSWERED  # "film programs" still has answers


def test_a_word_is_not_corrected_to_a_shorter_one_of_three_letters() -> None:
    # "visa" is one letter from "via" (a phrasing's "dihubungi via wa"), and means another thing.
    verdict = decide(MATCHER.match("urus visa ke korea gimana"), DEFAULTS)
    assert "faq:showreel_links" not in (verdict.entry, *verdict.others)
    assert verdict.outcome is Outcome.UNANSWERED


def test_besides_that_is_not_setting_anything_aside() -> None:
    # "selain itu" / "besides that" start a new question: it is answered as usual.
    for text in ("selain itu, cara daftarnya gimana kak?", "besides that, how do I register?"):
        assert not held_out(text)
        verdict = decide(MATCHER.match(text), DEFAULTS)
        assert (verdict.outcome, verdict.entry) == (Outcome.ANSWERED, "faq:who_can_apply")


# A talent who says who they are before asking: their role, the place they are from and their
# own name are not what they ask, so they neither count against every entry (as words no entry
# has) nor pull towards one (Jakarta is the KOCCA office's city).
INTRODUCED = [
    # Session 58's Sekar, in krama: the question's entry is the whole message's best too, only
    # less sure for the introduction's words ("gamelan", "KOCCA").
    (
        "Sugeng siang, nyuwun sewu mengganggu. Saya Sekar, komposer dari Jogja, saya"
        " menggarap musik gamelan yang saya padukan dengan elektronik dan jazz. Saya baru"
        " dengar soal KOCCA dari teman. Boleh dijelaskan sebenarnya bot ini untuk apa nggih?",
        ("Sekar",),
        "faq:about_bot",
    ),
    ("saya gitaris dari bandung, bisa daftar?", (), "faq:who_can_apply"),
    ("i am a cinematographer, can i register?", (), "faq:who_can_apply"),
    ("saya dari makassar mau tanya soal kocca", (), "faq:what_is_kocca"),
    ("saya musisi dari jakarta selatan mau ikut program ke korea", (), "program:music_to_korea"),
    (
        "perkenalkan nama saya Dimas, cara daftar gimana ya",
        ("Dimas", "Pratama"),
        "faq:who_can_apply",
    ),
    (
        "hi my name is sarah, a filmmaker from jakarta. how do i register?",
        ("Sarah",),
        "faq:who_can_apply",
    ),
    ("halo kak aku rapper dari medan, ada program buat rapper ga", (), "program:music_to_korea"),
    # Session 46's review: an introduction, then a named program's question, as that alone.
    (
        "hi! I'm Jess, indonesian singer but studying in Melbourne rn lol. what's MU:CON exactly?",
        ("Jess",),
        "program:mucon",
    ),
    (
        "Halo, aku Jess, penyanyi yang lagi kuliah di Melbourne. MU:CON itu apa ya?",
        ("Jess",),
        "program:mucon",
    ),
    (
        "Halo, aku Jess, penyanyi yang lagi kuliah di Melbourne. MU:CON itu apa ya?",
        (),
        "program:mucon",
    ),
    # Who asks, not what: "cewek", a session player.
    ("aku cewek, boleh daftar ga?", (), "faq:who_can_apply"),
    ("I'm a session drummer, how do I register?", (), "faq:who_can_apply"),
    # From a review of 60 new talents' messages: a Balinese greeting, "asal", a polite
    # "maaf mengganggu", an art form; and a name that is also a word ("Made").
    (
        "Om Swastiastu, tiang Made dari Gianyar. Bagaimana cara mendaftar?",
        ("Made",),
        "faq:who_can_apply",
    ),
    (
        "maaf mengganggu kak, saya asal Yogyakarta, apakah mahasiswa boleh daftar?",
        (),
        "faq:who_can_apply",
    ),
    (
        "Saya Made, sanggar gamelan. Ada program musik ke Korea?",
        ("Made",),
        "program:music_to_korea",
    ),
    # A player of an instrument no entry names, a theatre actor: who asks, not what.
    (
        "saya pemain sasando dari kupang, ada kesempatan tampil di korea?",
        (),
        "program:music_to_korea",
    ),
    ("saya pemain teater, ada kerja sama film indonesia korea?", (), "program:coproduction"),
    # Banjar's panting (a lute) and a film community: who asks.
    ("pemain panting bisa daftar?", (), "faq:who_can_apply"),
    ("kami komunitas musik, ada program ke korea?", (), "program:music_to_korea"),
    # A busker, and Malaysian Malay's "persembahan" (a performance).
    ("saya busking, boleh daftar?", (), "faq:who_can_apply"),
    ("saya busker, nak buat persembahan kat Korea, ada program?", (), "program:music_to_korea"),
    # Hip hop, and Aceh's rapa'i (a frame drum).
    ("saya produser hip hop, ada program ke korea?", (), "program:music_to_korea"),
    ("saya pemain rapai dari aceh, ada program ke korea?", (), "program:music_to_korea"),
    # Lombok's gendang beleq, a teacher's students, a manager, post-production crew (whose
    # "post" was read as "cost"): who asks.
    ("video gendang beleq kami gimana cara kirimnya?", (), "faq:showreel_links"),
    ("siswa saya apa saja yang harus disiapkan untuk daftar?", (), "faq:what_to_prepare"),
    ("i manage a rock band, can they play at mucon?", (), "program:mucon"),
    ("colorist here, is there anything for post-production crew?", (), "faq:programs_overview"),
    # A town no content names, after "dari" / "from": where they are from, not what they ask
    # (it counted against the question as an unknown word).
    ("saya penyanyi dari kapuas hulu, ada program ke korea?", (), "program:music_to_korea"),
    ("halo kak saya dari watampone mau tanya apa itu kocca", (), "faq:what_is_kocca"),
    ("i'm a singer from ruteng, can i join mucon?", (), "program:mucon"),
    # A kendang player and a dangdut orkes: who asks.
    ("saya pemain kendang, ada program ke korea?", (), "program:music_to_korea"),
    ("orkes kami mau ke korea, ada program?", (), "program:music_to_korea"),
    ("학과 aku mau ke mucon, bisa daftar?", (), "program:mucon"),  # a department
    # A band's or choir's leader (pemimpin), gospel and rohani (church) singers.
    ("saya pemimpin band, ada program ke korea?", (), "program:music_to_korea"),
    ("grup rohani kami mau ke korea, ada program?", (), "program:music_to_korea"),
    # Session 47's review: a question after an introduction that says nothing an entry has,
    # a retired teacher's letter, is asked alone; and "I'm" and a two-word name before the
    # role ("I'm Mei Ling, pop singer") still introduce.
    (
        "Selamat sore Bapak/Ibu. Perkenankan saya, Yohanes Da Cunha, pensiunan guru di Ende."
        " Saya hendak menanyakan apakah cucu saya yang berusia 15 tahun dapat didaftarkan dalam"
        " program ini?",
        (),
        "faq:who_can_apply",
    ),
    ("hi, I'm Mei Ling, pop singer from Medan. when is MU:CON this year?", (), "program:mucon"),
]


@pytest.mark.parametrize(("text", "names", "entry"), INTRODUCED)
def test_who_the_talent_is_does_not_hide_what_they_ask(
    text: str, names: tuple[str, ...], entry: str
) -> None:
    assert not held_out(text)
    verdict = decide(MATCHER.match(text, names), DEFAULTS)
    assert (verdict.outcome, verdict.entry) == (Outcome.ANSWERED, entry)


def test_a_talents_name_is_left_out_only_for_that_talent() -> None:
    # Another talent's message with the same word: an unknown word, off topic.
    assert decide(MATCHER.match("pratama cara daftar", ("Pratama",)), DEFAULTS).outcome is (
        Outcome.ANSWERED
    )
    assert decide(MATCHER.match("pratama cara daftar"), DEFAULTS).outcome is not Outcome.ANSWERED


def test_a_name_that_is_also_a_word_is_a_name_only_written_as_one() -> None:
    # "who made this bot" from a talent named Made still asks who runs the bot.
    verdict = decide(MATCHER.match("who made this bot?", ("Made",)), DEFAULTS)
    assert verdict.entry == "faq:who_runs"


def test_the_bot_greeted_by_name_is_not_asked_about() -> None:
    # "halo bot, ..." asks what follows; "bot" alone, or not right after a greeting, still
    # asks whether a person answers.
    verdict = decide(MATCHER.match("halo bot, cara daftar gimana?"), DEFAULTS)
    assert verdict.entry == "faq:who_can_apply"
    verdict = decide(MATCHER.match("pagi bot, ini bot atau orang?"), DEFAULTS)
    assert verdict.entry == "faq:ask_human"
    # Greeted and asked about (an attacker, session 44: these lost their answers).
    for text, entry in [
        ("halo bot, kamu siapa?", "faq:who_runs"),
        ("hai bot, siapa yang bikin kamu?", "faq:who_runs"),
        ("halo, bot ini beneran?", "faq:ask_human"),
    ]:
        verdict = decide(MATCHER.match(text), DEFAULTS)
        assert (verdict.outcome, verdict.entry) == (Outcome.ANSWERED, entry), text


def test_money_from_a_place_is_the_talents_place_when_they_say_so() -> None:
    # "dana film dari taiwan" is Taiwan's money (off topic); with the talent or their role
    # between the money and "dari", the place is theirs (an attacker, session 44).
    for text in ("hibah utk sineas dari sumba", "ada dana buat saya dari nias?"):
        verdict = decide(MATCHER.match(text), DEFAULTS)
        assert (verdict.outcome, verdict.entry) == (Outcome.ANSWERED, "faq:film_funding"), text


def test_a_place_is_the_talents_only_after_from() -> None:
    # "di jakarta" asks where; "dari jakarta" says where the talent is.
    assert decide(MATCHER.match("kocca ada di jakarta?"), DEFAULTS).entry == "faq:kocca_jakarta"
    # Off topic with a place in it stays off topic, and "from overseas" still asks who may join.
    assert decide(MATCHER.match("hotel di bandung"), DEFAULTS).outcome is Outcome.UNANSWERED
    verdict = decide(MATCHER.match("saya dari luar negeri, boleh daftar?"), DEFAULTS)
    assert verdict.entry == "faq:who_can_apply"
    # Only the words right after "dari" are a town no entry names; the rest still count.
    for off_topic in ("beli tiket konser dari tokopedia", "rekomendasi drakor terbaru apa ya"):
        assert decide(MATCHER.match(off_topic), DEFAULTS).outcome is not Outcome.ANSWERED


@pytest.mark.parametrize(
    ("text", "talk"),
    [
        ("halo kak", "greeting"),
        ("Halooo min!!", "greeting"),
        ("P", "greeting"),
        ("selamat pagi kakak", "greeting"),
        ("hello there", "greeting"),
        ("apa kabar?", "greeting"),
        ("makasih kak 🙏", "thanks"),
        ("terima kasih banyak ya infonya", "thanks"),
        ("thanks a lot!", "thanks"),
        ("thanks a lot, very helpful!", "thanks"),
        ("makasih kak, sangat membantu", "thanks"),
        ("ok thx", "thanks"),
        # 🙏 and 👍 close a greeting politely; alone, or with thanks, they thank.
        ("hai kak 🙏", "greeting"),
        ("siang kak 🙏🏻", "greeting"),  # a skin tone is not a word
        ("🙏", "thanks"),
        ("oke makasih bnyk kak infonya 🙏", "thanks"),
        # Nothing asked yet: the bot asks what the talent needs, nothing is matched.
        ("hmm", "nudge"),
        ("trs apa lg", "nudge"),
        ("ya udh deh", "nudge"),
        ("aku mau nanya dong", "nudge"),
        # A greeting that only says a question is coming is a greeting (and the reply asks
        # for the question): the bare words "tim" or "bantu" would pick an entry.
        ("Halo tim, ada pertanyaan.", "greeting"),
        ("halo kak ada yang bisa bantu", "greeting"),
        ("permisi min, aku mau nanya dong", "greeting"),
        ("hi, can I ask a quick question?", "greeting"),
        ("ada yang bisa bantu?", "greeting"),  # a call for help: "what can I help with?"
        ("can someone help me?", "greeting"),
        # Greetings and thanks in Javanese, Batak, Makassar and Manado voices; and a greeting
        # that says who the talent is, before the question comes.
        ("sugeng siang mas, kulo badhe tanglet", "greeting"),
        ("Horas, Bapak/Ibu", "greeting"),
        ("tabe' daeng, mau tanya ki'", "greeting"),
        ("matur nuwun sanget nggih", "thanks"),
        ("makase banyak, Tuhan berkati", "thanks"),
        ("trimakasih infonya", "thanks"),
        ("selamat pagi, saya drummer dari Bekasi, mau tanya", "greeting"),
        ("halo, saya animator, bisa?", None),  # asks whether animators may join
        # Greetings and thanks in Medan, Gen-Z, Korean, Ngapak and Suroboyoan voices.
        ("kamsia ya, udah jelas kali la", "thanks"),
        ("haiii gaes, salken yaa ✨", "greeting"),
        ("annyeong unnie!", "greeting"),
        ("kamsahamnida unnie", "thanks"),
        ("matur nuwun, rika njelaske apik temenan", "thanks"),
        ("suwun cak", "thanks"),
        # Greetings and thanks in Banjar, Palembang, Maluku, Kupang and Acehnese voices, and
        # a beatmaker's: salamat (selamat), basudara, oi, wassup and a call-me hand greet;
        # lemak (nice), danke, teurimong gaseh thank; nian, e, kaka and "-nyo" are filler.
        ("salamat siang admin", "greeting"),
        ("Salamat sore basudara", "greeting"),
        ("oi min, wassup 🤙", "greeting"),
        ("makasih nian, lemak nian infonyo", "thanks"),
        ("okee, danke banyak e kaka", "thanks"),
        ("teurimong gaseh bang", "thanks"),
        # Greetings and thanks in Sasak, Madurese and Kalimantan Malay voices: a greeting sent
        # from somewhere greets without "saya"; tampiasih, (mator) sakalangkong, makaseh thank,
        # ye and yee are filler. Without "saya", only a place's words are skipped after "dari".
        ("assalamualaikum kak, salam dhari Sumenep", "greeting"),
        ("halo bang, selamat malam dari pontianak 🙏", "greeting"),
        ("tampiasih bnyk kak, mantep", "thanks"),
        ("tampi asih kak", "thanks"),
        ("sakalangkong kak, mator sakalangkong 🙏", "thanks"),
        ("oke bang makaseh banyak yee", "thanks"),
        ("halo dari mana bot ini?", None),
        # Greetings and thanks in session 42's voices: Bugis "puang", Batak Toba "lae",
        # "amang", "inang" and "mauliate (godang)", Manggarai "kraeng", Cirebon's "kang" and
        # Javanese "sugeng wengi", "haloo", and a K-culture fan's "saranghae" and 🫶.
        ("tabe' puang, assalamualaikum", "greeting"),
        ("horas lae, horas inang", "greeting"),
        ("haloo kak, selamat siang dari jambi", "greeting"),
        ("punten kang, sugeng wengi", "greeting"),
        ("mauliate godang amang 🙏", "thanks"),
        ("makasih banyak kraeng", "thanks"),
        ("gamsahamnida unnie, saranghae 🫶", "thanks"),
        ("lae, ada open call?", None),
        # Greetings and thanks in session 42b's voices: Gorontalo's "asalamualaikum" (one s),
        # "kita" (saya) and its particle "olo", Lampung's "tabik pun puwari", Toraja's "salama'",
        # "siulu'" and "kurre sumanga'", a student in Seoul's Hangul.
        ("asalamualaikum kak, kita dari gorontalo olo", "greeting"),
        ("tabik pun puwari", "greeting"),
        ("salama' siulu', saya dari Toraja", "greeting"),
        ("kurre sumanga' siulu' 🙏", "thanks"),
        ("안녕하세요 kak", "greeting"),
        ("네, 감사합니다!", "thanks"),
        ("halo, kita dari gorontalo, bisa daftar?", None),
        # Okays reviewers saw sent to staff after the bot's answer; "baik" in a question asks.
        ("baik kak", "thanks"),
        ("oke paham", "thanks"),
        ("oh oke", "thanks"),
        ("wah mantap", "thanks"),
        ("apa yang baik untuk showreel", None),
        ("daebak, makasih min", "thanks"),
        ("tolong bantu saya kirim showreel", None),
        # "Oh, I see" in Indonesian, Javanese, English and chat; "gitu" alone, or with more
        # said, is not an okay.
        ("oh gitu kak", "thanks"),
        ("ohh begitu ya", "thanks"),
        ("owalah gitu toh", "thanks"),
        ("oh i see, thanks", "thanks"),
        ("ohh ic", "thanks"),
        ("👌", "thanks"),  # an okay by emoji (or a sticker of it)
        ("🤝 kak", "thanks"),
        # More okays a new staff member saw relayed after the bot's answer (session 43):
        # "yes", "got it", Javanese "inggih" and "ngono", a laugh with an okay.
        ("iya kak", "thanks"),
        ("got it, thanks", "thanks"),
        ("alright, cheers", "thanks"),
        ("yaudah kak", "thanks"),
        ("owalah ngono to", "thanks"),
        ("ah i see, makes sense", "thanks"),
        ("wkwk oke", "thanks"),
        ("🫡", "thanks"),
        ("oh gitu tah", "thanks"),  # an attacker's: Osing "tah", a santri's "insya allah"
        ("oke insya allah", "thanks"),
        ("iya, mau daftar", None),
        ("got it, how do i register?", None),
        ("gimana gitu", "nudge"),
        ("oh gitu, terus daftarnya gimana?", None),
        # Greetings and thanks in session 43's voices: Kendari's "bela" (friend), Sundanese
        # "hatur nuhun", chat's "kakk", a metal band's 🤘 and 🔥, a Bandung "woy", and a
        # santri's Arabic courtesy words (afwan, akhi, ukhti, syukron, jazakallah khair).
        ("tabe, sore bela 👋 salam dari kendari", "greeting"),
        ("hatur nuhun", "thanks"),
        ("mantap min 🤘🔥", "thanks"),
        ("halooo kakk 👋🏻✨", "greeting"),
        ("woy min", "greeting"),
        ("afwan akhi", "greeting"),
        ("syukron ukhti 🙏", "thanks"),
        ("jazakallah khair", "thanks"),
        # Session 43b's voices: Nias' "ya'ahowu (fefu)" greets and "saohagölö" thanks (its
        # "ama", sir, is written out as "sama", which asks nothing around thanks: "makasih
        # ama infonya"); Osing's "sembah nuwun riko" and Singkawang Hakka's "to sia ko" thank,
        # and "ko", "koko", "cece", "cici" call someone, as "kak" does.
        ("Ya'ahowu fefu! 🙏 salam dari Gunungsitoli", "greeting"),
        ("yaahowu", "greeting"),
        ("Saohagölö ama 🙏", "thanks"),
        ("saohagolo", "thanks"),
        ("makasih ama infonya ya", "thanks"),
        ("sembah nuwun riko 🙏", "thanks"),
        ("oke to sia ko 🙏", "thanks"),
        ("halo koko", "greeting"),
        ("pagi cici", "greeting"),
        ("terime kasih ye 🙏", "thanks"),  # Riau Islands Malay's -e for -a
        # Session 43c: artists greet with "salam budaya"; a talent introducing themselves
        # says where they are with "di" too ("... kami di Solo").
        ("malam kak, salam budaya 🙏", "greeting"),
        ("selamat pagi, salam dari sanggar kami di Solo", "greeting"),
        ("halo, saya sudah daftar di sini, kapan dihubungi?", None),
        ("salam budaya, ada program budaya?", None),
        ("to sia, ada open call?", None),
        ("bela, ada open call?", None),
        ("halo kak, ada open call?", None),  # a greeting with a question is a question
        ("halo tim, kapan dihubungi?", None),
        ("thanks, how do I send my showreel?", None),
        # Asked back, often just after an answer (session 44): not "Siap!" to "oh gitu?",
        # not a program page to "serius?" (a typo of "series" to the index), not "no answer"
        # to "hah?". Thanks with a question mark still thank; a greeting still greets.
        ("oh gitu?", "doubt"),
        ("iya?", "doubt"),
        ("oke kak?", "doubt"),
        ("serius?", "doubt"),
        ("seriusan kak", "doubt"),
        ("beneran?", "doubt"),
        ("masa sih min", "doubt"),
        ("maksudnya gimana kak", "doubt"),
        ("kok gitu", "nudge"),
        ("hah?", "doubt"),
        ("really?", "doubt"),
        ("what do you mean?", "doubt"),  # was KOCCA's FAQ answer ("what does KOCCA mean")
        ("yakin kak?", "doubt"),
        ("wdym", "doubt"),
        # What the talent asked, said back, is not "ask" a person nor who runs the bot
        # (session 46's second talents' review: the first got who_runs first).
        ("hmm not really what I asked", "doubt"),
        ("not what I asked", "nudge"),
        ("real person?", None),
        # An attacker's (session 44): thanks or an okay that ask back are no thanks; "real"
        # asks for a person ("are you real?"); English "serious" was BCWW's "series" too.
        ("makasih kak, maksudnya", "doubt"),
        ("makasih, maksudnya gimana", "doubt"),
        ("ok wdym", "doubt"),
        ("oke serius", "doubt"),
        ("oh gitu, beneran?", "doubt"),
        ("are you serious?", "doubt"),
        ("srsly?", "doubt"),
        ("mksdnya?", "doubt"),
        ("bener?", "doubt"),
        ("🤔", "doubt"),
        ("halo, serius?", "doubt"),
        ("gaje", "doubt"),  # "gak jelas": got "Apa itu KOCCA?" (a talents' review)
        ("aku bingung kak", "doubt"),
        ("aku bingung cara daftar", None),
        ("terima kasih, serius", "thanks"),
        ("makasih, bener2 membantu", "thanks"),
        ("oke kok", "thanks"),
        ("are you real?", None),
        ("masa bayar?", None),
        ("makasih kak?", "thanks"),
        ("sungguh membantu, terima kasih", "thanks"),
        ("terus?", "nudge"),
        ("kok bayar?", None),
        ("bot ini beneran?", None),
        # Session 44's round: the bot called right after a salutation is whom the talent
        # greets ("halo bot" got ask_human directly); a DJ's 🎧 and an art's emoji are filler,
        # as ✨ is; Flores Malay's "trima kasih", chat's "ngebantu" (membantu).
        ("yo wassup bot 🎧", "greeting"),
        ("halo bot", "greeting"),
        ("hai bot 🙏", "greeting"),
        ("halo kak 🎬", "greeting"),
        ("trima kasih banyak e, Tuhan berkati 🙏", "thanks"),
        ("oke deh makasih ya, ngebantu bgt ✨", "thanks"),
        ("halo kamu bot?", None),
        ("bot?", None),
        # Session 44b: Jogja's "dab" and "lur" (sedulur) call someone, as "kang" does.
        ("sugeng sonten lur 🙏", "greeting"),
        ("met pagi dab", "greeting"),
        # "coba dulu" (I'll try it first) is an okay, and Javanese "tak" (I) asks nothing.
        ("oke matur nuwun dab, tak cobo sik", "thanks"),
        ("oke makasih, aku coba dulu", "thanks"),
        ("coba dulu daftarnya gimana", None),
        # Makassar's "di'" closes thanks (session 45's review).
        ("makasih di'", "thanks"),
        ("makasih, di mana daftarnya?", None),
        # Session 46: wishing good health closes a greeting, a letter's "Bapak/Ibu pengelola"
        # is whom it greets; "barakallahu fiik" (and 🤲) thanks.
        ("Selamat siang Bapak/Ibu pengelola. Semoga sehat selalu.", "greeting"),
        ("jazakallah khairan min, barakallahu fiik 🤲", "thanks"),
        ("Bapak/Ibu pengelola, siapa yang menjalankan bot ini?", None),
        # Session 47: Sasak's and Bugis' "side" (you, polite) is whom a greeting addresses;
        # chat's "slmt mlm" and Sundanese "wilujeng" are "selamat (malam)".
        ("assalamualaikum, tabe' side admin 🙏", "greeting"),
        ("slmt mlm min", "greeting"),
        ("punten, wilujeng sonten 🙏", "greeting"),
        ("tabea kak", "greeting"),  # Buton's and Muna's greeting
        # An emoji beside a greeting or thanks is its mood, as 🙏 is; alone, nothing asked.
        ("slmt mlm min, dr tengah laut nih 🌊", "greeting"),
        ("oke makasih 😅", "thanks"),
        ("😂🔥🙈", "nudge"),
        # Session 48: chat's "izin" (excuse me) closes a greeting when nothing else is asked
        # (it got faq:parents directly); a blessing ("berkah", read as "berkas") thanks.
        ("Selamat siang kak, izin ya 🙏", "greeting"),
        ("izin min", "greeting"),
        ("matur nuwun sanget min, berkah 🤲", "thanks"),
        # Session 48: sorry to disturb ("ganggu") excuses; a closing to go on later thanks, and
        # with a question cue or any other word it is still read.
        ("sugeng enjing min, nyuwun sewu ganggu 🙏", "greeting"),
        ("oke, nanti saya sampaikan ke bos. makasih ya", "thanks"),
        ("siap, nanti sa lanjut", "thanks"),
        ("makasih, tapi kapan dibuka?", None),
        ("nanti lanjut bisa?", None),
        ("nanti saya lanjut daftar", None),
        ("maaf ganggu, mau tanya biaya daftar", None),
        ("makasih kak, semoga berkah", "thanks"),
        ("izin tanya, anak 15 thn perlu izin ortu?", None),
        ("halo, izin dari ortu perlu?", None),
        ("perlu izin?", None),
        # Session 49: a letter's full salam and its well-wish greet ("wr wb", "dalam keadaan
        # sehat", "dalam lindungan"), and ask nothing before a question; "super" says how much
        # thanks are meant; "saya yang ngurus ..." in a greeting says who the talent is.
        ("Assalamu'alaikum wr. wb. Bapak/Ibu, semoga selalu dalam lindungan-Nya", "greeting"),
        ("Assalamualaikum warahmatullahi wabarakatuh, semoga sehat walafiat", "greeting"),
        ("oke super jelas, makasih kak", "thanks"),
        ("halo min, saya yang pegang sanggar tari di Kupang", "greeting"),
        ("halo, saya mau tanya siapa yang ngurus bot ini", None),
        ("halo, saya yang ngurus band, kapan open call?", None),
        # Session 51: an older talent calls the bot "Dik" (a younger one) as others say "kak".
        ("Terima kasih atas informasinya, Dik.", "thanks"),
        ("halo dek", "greeting"),
        ("dek, cara daftar gimana?", None),
    ],
)
def test_greetings_and_thanks_are_not_matched(text: str, talk: str | None) -> None:
    match = MATCHER.match(text)
    assert match.talk == talk
    if talk is not None:
        assert match.ranked == ()


def test_words_ignore_markup_links_invisible_characters_and_stop_early() -> None:
    assert words("<b>Kak</b>\u200b ada\u2060 open&nbsp;call?? https://x.id/a sari@x.id") == [
        "kak",
        "ada",
        "open",
        "call",
    ]
    assert words("MU:CON") == ["mucon"]
    assert words("gmn yg ga") == ["gimana", "yang", "tidak"]
    assert words("belom liat, kegedean") == ["belum", "lihat", "terlalu", "besar"]
    assert len(words("kata " * 2000)) == 60
    assert words("aaaa" * 1000) == []  # not a word anyone types


def test_words_around_a_question_ask_nothing() -> None:
    """ "waktu" (when), "khusus" (only), "sebagai" (as), "ceritakan" and "bulan" tell no entry
    apart: as unknown words they counted against the question ("bulan" was even read as a typo
    of "busan")."""
    assert content_words(words("waktu khusus sebagai ceritakan bulan")) == []


def test_a_short_form_with_nya_is_written_out() -> None:
    # "registrasinya", "hpnya", "dedlennya" were unknown words; "punya", "tanya", "hanya" stay.
    assert words("registrasinya hpnya dedlennya punya tanya hanya") == [
        "daftar",
        "handphone",
        "deadline",
        "punya",
        "tanya",
        "hanya",
    ]


def test_javanese_function_words_and_korean_hoksi_are_written_out() -> None:
    # Session 48: Pekalongan's "kie", Mataraman's "kui", "pora", "ben", their -e for -nya.
    assert words("kie kui pora ben wulan ngabari biasane tuane daftare") == [
        "ini",
        "itu",
        "apa",
        "tidak",
        "biar",
        "bulan",
        "dikabari",
        "biasanya",
        "tuanya",
        "daftarnya",
    ]
    assert content_words(words("hoksi hokshi")) == []


def test_a_docu_is_a_documentary_and_datengin_is_datangi() -> None:
    # Session 48: film chat's "docu", "doku"; Jakarta chat's "datengin" (datangi).
    assert words("docu doku datengin datangin") == [
        "dokumenter",
        "dokumenter",
        "datangi",
        "datangi",
    ]
    text = "ACF BIFF buat dokumenter juga ga? proyek ku docu ttg pekerja migran"
    verdict = decide(MATCHER.match(text), DEFAULTS)
    assert (verdict.outcome, verdict.entry) == (Outcome.ANSWERED, "program:biff_acf")


def test_pinyin_and_chat_words_are_written_out() -> None:
    # Session 44: an Indonesian in Taiwan's "wo" (saya), "meiyou" (tidak ada); chat's "tmn2".
    assert words("wo meiyou tmn2") == ["saya", "tidak", "ada", "teman"]
    assert words("masuk itungan, masuk hitungan") == ["termasuk", "termasuk"]
    # Session 44b: Jogja ngoko and Cirebonan.
    assert words("ra nduwe digowo digawa cobo sik") == [
        "tidak",
        "punya",
        "dibawa",
        "dibawa",
        "coba",
        "dulu",
    ]
    # Session 46: a phone's English autocorrect.
    assert words("dafter bayer gal bias jug statues") == [
        "daftar",
        "bayar",
        "tidak",
        "bisa",
        "juga",
        "status",
    ]


def test_words_an_english_autocorrect_typed_are_the_chat_words_meant() -> None:
    # Session 46: these got only suggestions.
    for text, entry in [
        ("udah dafter minggu lalu, statues nya bias dicek ga? *status", "faq:after_registering"),
        (
            "program yang bawa musician ke korea itu buat session player jug gal? atau Cuma"
            " buat artis solo/band",
            "program:music_to_korea",
        ),
        ("adam open call yang lagi buka sekarang gal? *ada", "faq:open_call_now"),
    ]:
        assert decide(MATCHER.match(text), DEFAULTS).entry == entry, text


def test_progress_is_the_registrations_progress_not_a_typo_of_program() -> None:
    # Session 46: "progress" was corrected to "program", and what_to_prepare came first.
    assert words("progress progres") == ["proses", "proses"]
    verdict = decide(MATCHER.match("klo udh isi form, progress nya bisa dicek dmn ya"), DEFAULTS)
    assert verdict.entry == "faq:after_registering"
    for off_topic in ("cek progress pengiriman paket", "progress skripsi saya lambat"):
        assert decide(MATCHER.match(off_topic), DEFAULTS).outcome is not Outcome.ANSWERED


def test_a_line_producer_is_a_producer_not_the_chat_app() -> None:
    # Session 46: "line" counted against every entry, and KOFIC's page was only suggested.
    assert words("line producer, line produser") == ["producer", "produser"]
    verdict = decide(
        MATCHER.match(
            "Hi, line producer here (feature films, Jakarta). Quick q: KOFIC incentive itu"
            " rebate nya berapa persen & min spend nya berapa?"
        ),
        DEFAULTS,
    )
    assert verdict.entry == "program:kofic_incentive"
    for off_topic in ("line producer salary in korea", "lowongan line producer"):
        assert decide(MATCHER.match(off_topic), DEFAULTS).outcome is not Outcome.ANSWERED


def test_a_word_doubled_with_a_2_is_the_word() -> None:
    # Chat's "orang2", "transfer2": the word itself, not a typo of it; "mp2" stays.
    assert words("video2 orang2 transfer2 mp2") == ["video", "orang", "transfer", "mp2"]


def test_palembangs_nyo_is_nya() -> None:
    # "infonyo", "insentifnyo" are "infonya", "insentifnya"; a short word stays as written.
    assert words("infonyo insentifnyo sanyo") == ["infonya", "insentifnya", "sanyo"]


def test_summary_masks_what_identifies_a_talent() -> None:
    assert summary("wa aku 0812-3456-7801 ya") == "wa aku <number> ya"
    assert summary("email: sari.dewi@example.com") == "email: <email>"
    assert summary("ig @sari_music, yt https://youtu.be/x") == "ig <handle> yt <link>"
    assert summary("KTP 3201234567890001") == "KTP <number>"
    # Digits glued to a word are still a phone number or an id (NIK) to hide.
    assert summary("hubungi WA081234567801 ya") == "hubungi WA<number> ya"
    assert summary("nik3201234567890001 telp_081234567801") == "nik<number> telp_<number>"
    assert summary("MU:CON2026 BTS2024") == "MU:CON2026 BTS2024"  # years, not numbers to hide
    assert summary("open call 2026?") == "open call 2026?"  # a year is not a number to hide
    long = summary("kak " * 100)
    assert len(long) == 80 and long.endswith("…")
    assert summary("  ada\n\n open\u200b call  ") == "ada open call"


def test_summary_masks_whatever_the_case_and_whatever_the_script() -> None:
    # Words are masked only when the message has "@", "/", "http" or "www." somewhere:
    # in capitals, fullwidth, or next to invisible and non-Latin characters too.
    assert summary("CEK HTTPS://KOCCA.ID ya") == "CEK <link> ya"
    assert summary("Www.Kocca.Id kak") == "<link> kak"
    assert summary("\uff57\uff57\uff57.kocca.id") == "<link>"  # fullwidth www
    assert summary("kocca.id/daftar") == "<link>"
    assert summary("kirim ke sari\u200b@gmail.com 🙏") == "kirim ke <email> 🙏"
    assert summary("كيف التسجيل @rina") == "كيف التسجيل <handle>"
    assert summary("open\u200bcall\u00ad\u202e ya") == "opencall ya"
    assert summary("http") == "<link>"
    assert summary("ẖttp ẖttps.id") == "ẖttp ẖttps.id"  # h with a line below is not h


@pytest.mark.parametrize(
    "spelled",
    [
        "0812 - 3456 - 7890",
        "0812 \u2013 3456 \u2013 7890",  # en dashes
        "0812\u20143456\u20147890",  # em dashes
        "0812_3456_7890",
        "0812/3456/7890",
        "0812,3456,7890",
        "0812\u20663456\u20697890",  # bidi isolates, as apps wrap a copied number
        "0812\U000e00203456\u180e7890",  # a tag space, a Mongolian vowel separator
        "0812\u034f3456\ufe0f7890",  # a grapheme joiner, a variation selector
    ],
)
def test_a_phone_number_is_masked_however_it_is_spaced(spelled: str) -> None:
    assert summary(f"wa aku {spelled} ya") == "wa aku <number> ya"


def test_no_invisible_character_reaches_staff_in_a_summary() -> None:
    # Every format character this Python knows (Unicode category Cf): bidi marks and
    # isolates, tag characters, zero widths. /stats shows summaries in the staff chat.
    invisible = [c for c in map(chr, range(sys.maxunicode + 1)) if unicodedata.category(c) == "Cf"]
    assert len(invisible) > 150
    for character in invisible:
        assert summary(f"open{character}call") == "opencall", hex(ord(character))


def _with_ask(key: str, ask: dict[str, list[str]]) -> Any:
    def change(data: Any) -> None:
        for item in data["items"]:
            if item["key"] == key:
                item["ask"] = ask

    return change


def test_check_content_refuses_phrasings_that_cannot_match_or_answer_twice(
    content_folder: Path,
) -> None:
    edit_content(
        content_folder,
        "faq.yaml",
        _with_ask("language", {"id": ["gimana dong kak"], "en": ["what is kocca"]}),
    )
    with pytest.raises(ContentError) as refused:
        load_content(content_folder)
    assert refused.value.problems == [
        "faq.yaml: items[language].ask.id: 'gimana dong kak' has only common words (kak,"
        " gimana, apa...), so it can never match: name what it is about",
        "faq.yaml: items[language].ask.en: 'what is kocca' says what items[what_is_kocca] says:"
        " a question would have two answers",
    ]
    edit_content(
        content_folder,
        "faq.yaml",
        _with_ask("language", {"id": ["<b>ganti</b> bahasa", "ganti bahasa"], "en": []}),
    )
    with pytest.raises(ContentError) as refused:
        load_content(content_folder)
    problems = "\n".join(refused.value.problems)
    assert "items[language].ask.id: Value error, '<b>ganti</b> bahasa': plain text only" in problems
    assert "items[language].ask.en: List should have at least 1 item" in problems


def test_check_content_refuses_a_see_also_that_offers_nothing_or_itself(
    content_folder: Path,
) -> None:
    """`see_also:` names the entries offered under an answer: another entry the content has,
    each once, and no more than are shown."""

    def change(data: Any) -> None:
        for item in data["items"]:
            if item["key"] == "language":
                item["see_also"] = ["faq:language", "program:no_page"]
            if item["key"] == "parents":
                item["see_also"] = ["faq:my_data", "faq:my_data"]
            if item["key"] == "who_runs":
                item["see_also"] = ["faq:about_bot", "faq:no_entry", "faq:ask_human"]
            if item["key"] == "one_detail":
                item["see_also"] = ["faq:my data"]

    edit_content(content_folder, "faq.yaml", change)
    with pytest.raises(ContentError) as refused:
        load_content(content_folder)
    assert refused.value.problems == [
        "faq.yaml: items[one_detail].see_also[0]: Value error, 'faq:my data': write faq:<key>"
        " or program:<key>"
    ]

    def fix_one_detail(data: Any) -> None:
        [one_detail] = [item for item in data["items"] if item["key"] == "one_detail"]
        del one_detail["see_also"]

    edit_content(content_folder, "faq.yaml", fix_one_detail)
    with pytest.raises(ContentError) as refused:
        load_content(content_folder)
    assert refused.value.problems == [
        "faq.yaml: items[parents].see_also: 'faq:my_data' is listed twice",
        "faq.yaml: items[who_runs].see_also: 3 entries, but only 2 are shown",
        "faq.yaml: items[who_runs].see_also: no FAQ entry 'no_entry'",
        "faq.yaml: items[language].see_also: 'faq:language' is the entry itself",
        "faq.yaml: items[language].see_also: no program page 'no_page'",
    ]


def test_a_new_phrasing_changes_the_answer_once_the_index_is_rebuilt(
    content_folder: Path,
) -> None:
    question = "kapan ada lomba cipta lagu"
    before = decide(Matcher.build(load_content(content_folder)).match(question), DEFAULTS)
    assert before.outcome is not Outcome.ANSWERED
    edit_content(
        content_folder,
        "faq.yaml",
        _with_ask(
            "open_call_now",
            {"id": ["lomba cipta lagu kapan"], "en": ["songwriting competition"]},
        ),
    )
    after = decide(Matcher.build(load_content(content_folder)).match(question), DEFAULTS)
    assert (after.outcome, after.entry) == (Outcome.ANSWERED, "faq:open_call_now")


def test_a_suggestion_threshold_above_the_answer_threshold_is_refused() -> None:
    with pytest.raises(ValidationError, match="ASK_SUGGEST_CONFIDENCE must not be higher"):
        Settings(  # type: ignore[call-arg]
            _env_file=None, ask_answer_confidence=0.2, ask_suggest_confidence=0.5
        )


def test_a_taught_wording_that_only_registers_does_not_stand_for_a_wish() -> None:
    """An attacker's review: taught "mau daftar sekarang bisa?" keeps only "daftar", and it
    won over every "mau daftar" (the form never opened)."""
    taught = [
        ("faq:open_call_now", "mau daftar sekarang bisa?"),
        ("faq:parents", "anak saya mau daftar"),
    ]
    matcher = Matcher.build(CONTENT, taught=taught)
    for wish in ("saya mau daftar", "mau daftar kak", "daftar"):
        assert not matcher.match(wish).taught, wish
    said = matcher.match("kak anak saya mau daftar")
    assert said.taught and said.best == "faq:parents"


def test_minang_krama_and_walikan_words_are_written_out() -> None:
    """Session 50: Minang "ambo" (saya), "alah" (sudah: read as a typo of "arah"), "bilo"
    (kapan), "lai" (apakah), "baraja" (belajar), "pandamping" (pendamping), "maliek" (melihat);
    krama "sinten" (siapa), "menika" (ini), "lepat" (salah), "ananging" (tapi); Malang's
    walikan "ayas" (saya) and "ebes" (a parent) were unknown words, counted against every
    entry."""
    for text, entry in [
        ("ambo alah mandaftar minggu lalu, bilo ambo dapek kabar?", "faq:after_registering"),
        ("lai bisa ambo baraja bikin konten di kelas untuak anak mudo?", "program:training_center"),
        ("inyo indak bisa maliek, butuh pandamping, lai bisa mandaftar?", "faq:support_needs"),
        ("Sinten ingkang ngelola bot menika?", "faq:who_runs"),
        (
            "Kula sampun ndaftar, ananging data kula lepat. Pripun nggantos?",
            "faq:after_registering",
        ),
        ("ebes ayas takon, bot iki resmi ta?", "faq:who_runs"),
    ]:
        verdict = decide(MATCHER.match(text), DEFAULTS)
        assert (verdict.outcome, verdict.entry) == (Outcome.ANSWERED, entry), text


def test_thanks_for_the_help_and_a_wish_for_the_day_are_thanks() -> None:
    """Session 50: "terima kasih untuk bantuan anda" got film_funding directly (its help), a
    well-wish after thanks got suggestions, and krama's "sampun cetha sedaya" (all clear now)
    was two unknown words."""
    for text in (
        "makasih atas bantuan kakak, semoga harimu menyenangkan",
        "thank you for your help, have a great day",
        "matur nuwun, sampun cetha sedaya",
    ):
        assert MATCHER.match(text).talk == "thanks", text
    verdict = decide(MATCHER.match("untuk bantuan dana film apa syaratnya?"), DEFAULTS)
    assert verdict.entry == "faq:film_funding", verdict


def test_no_email_is_what_to_prepare_and_changed_data_is_after_registering() -> None:
    """Session 50: "no email, can I register with a phone number" got after_registering
    directly (its "ganti nomor hp"); a new number and data to change went to my_data."""
    verdict = decide(
        MATCHER.match("saya tidak punya email, daftar pakai nomor hp boleh?"), DEFAULTS
    )
    assert verdict.entry != "faq:after_registering", verdict
    assert (verdict.entry or verdict.others[0]) == "faq:what_to_prepare", verdict
    for text in (
        "mau ganti data yang kemarin saya isi",
        "nomor wa saya baru, bagaimana ubah data saya?",
    ):
        verdict = decide(MATCHER.match(text), DEFAULTS)
        assert (verdict.outcome, verdict.entry) == (Outcome.ANSWERED, "faq:after_registering"), text
    verdict = decide(MATCHER.match("hapus data saya"), DEFAULTS)
    assert verdict.entry == "faq:my_data", verdict


def test_a_regional_language_the_bot_might_speak_is_the_language_entry() -> None:
    """Session 50: "bot iki iso boso Jowo?" went unanswered ("jowo" was an unknown word); a
    regional language after a word of speaking or using it is the language entry, and a song or
    a course in it is not."""
    for text in (
        "min, bisa pakai bahasa sunda ga?",
        "adminnya ngerti boso jowo?",
        "do you speak javanese?",
    ):
        verdict = decide(MATCHER.match(text), DEFAULTS)
        assert (verdict.outcome, verdict.entry) == (Outcome.ANSWERED, "faq:language"), text
    for text in ("kursus bahasa jawa di mana", "lagu jowo sing enak opo dab"):
        assert decide(MATCHER.match(text), DEFAULTS).outcome is not Outcome.ANSWERED, text


def test_the_forms_category_a_blind_talent_and_a_prod_company_are_understood() -> None:
    """Session 50: which option to choose in the form is who_can_apply's ("choose Other"); a
    blind talent who needs a companion is support_needs'; film English's "prod company" is a
    production company."""
    for text, entry in [
        ("pilih kategori apa di formulir kalau saya pemain kecapi?", "faq:who_can_apply"),
        ("kakak saya buta, perlu pendamping, bisa daftar?", "faq:support_needs"),
        ("do I need a prod company to register my short film?", "faq:production_house"),
    ]:
        verdict = decide(MATCHER.match(text), DEFAULTS)
        assert (verdict.outcome, verdict.entry) == (Outcome.ANSWERED, entry), text
    assert content_words(words("aku kadang main gitar")) == ["main", "gitar"]


def test_not_a_machine_january_in_short_and_javanese_used_for() -> None:
    """Session 50: "bukan mesin" (not a machine) is a person, ask_human's; "in jan" is January
    (chat's "jan" alone is "jangan"); Malang's "digawe" (used for) is "dipakai"."""
    for text, entry in [
        ("aku pengen ngobrol karo wong, bukan mesin", "faq:ask_human"),
        ("what did kocca and ekraf talk about in jan", "faq:jan_2026_meeting"),
    ]:
        verdict = decide(MATCHER.match(text), DEFAULTS)
        assert (verdict.outcome, verdict.entry) == (Outcome.ANSWERED, entry), text
    assert "januari" not in " ".join(words("jan lupa daftar ya"))
    assert decide(MATCHER.match("mesin cuci rusak dimana servis"), DEFAULTS).outcome is (
        Outcome.UNANSWERED
    )
    assert words("dataku digawe opo")[-2:] == ["dipakai", "apa"]


def test_the_instrument_a_talent_plays_says_who_asks() -> None:
    """Session 50: a guitarist's, a keyboardist's and a saluang player's "can I register?" were
    held back by the instrument, an unknown word ("keyboard" was stemmed to "yboard"); it says
    who asks in a message about its sender or about registering, not in one about the
    instrument."""
    for text in (
        "saya main biola, boleh mendaftar?",
        "I play guitar, can I register?",
        "pemain keyboard dari Solo bisa daftar di sini?",
        "ambo main talempong, lai bisa mandaftar?",
    ):
        verdict = decide(MATCHER.match(text), DEFAULTS)
        assert (verdict.outcome, verdict.entry) == (Outcome.ANSWERED, "faq:who_can_apply"), text
    for text in ("cara main gitar bisa?", "jual gitar bekas", "les piano anak bisa online?"):
        assert decide(MATCHER.match(text), DEFAULTS).outcome is not Outcome.ANSWERED, text


def test_the_province_abroad_australian_chat_and_malang_walikan() -> None:
    """Session 50: which province to write when living abroad is who_can_apply's (its answer
    says "luar negeri"); Australian "mate" (read as a typo of "made"), "heaps", "lately" ask
    nothing, "g'day" greets; walikan "ker", "kera" are "rek", "arek"."""
    verdict = decide(
        MATCHER.match("I live in Singapore, which province do I choose, mate?"), DEFAULTS
    )
    assert (verdict.outcome, verdict.entry) == (Outcome.ANSWERED, "faq:who_can_apply"), verdict
    assert MATCHER.match("g'day mate 👋").talk == "greeting"
    assert content_words(words("heaps of films lately, kera ngalam iki")) == ["films", "malang"]


def test_somewhere_and_anywhere_ask_nothing() -> None:
    """Session 50: "is there somewhere i can pitch it" counted "somewhere" against every entry;
    like "anything", it and "anywhere" ask nothing, and chat's "digarap" is "bikin"."""
    assert content_words(words("anywhere or somewhere to pitch")) == ["pitch"]
    assert words("film yang digarap bareng") == ["film", "yang", "bikin", "bareng"]


def test_two_typos_that_change_the_first_letter_are_another_word_unless_a_prefix() -> None:
    """ "kapan giliran saya" (when is my turn) got who_can_apply directly once "pilihan" was
    in a phrasing: "giliran" was read as two typos of it. Two typos keep the first letter;
    a prefix the phrasings lack is still taken off ("diakses" is "akses")."""
    for text in ("kapan giliran saya", "giliran saya kapan ya kak"):
        assert decide(MATCHER.match(text), DEFAULTS).outcome is not Outcome.ANSWERED, text
    assert MATCHER._correction("giliran") is None
    assert MATCHER._correction("heading") is None  # not "meaning"
    assert MATCHER._correction("diakses") == "akses"
    assert MATCHER._correction("showril") == "showreel"


def test_asking_whether_the_info_is_current_gets_its_entry() -> None:
    """Session 51's talents' review: "is the info here still current?" was answered with how
    program news is sent; it now gets the entry on the pages' "Info per" dates."""
    for text in (
        "Info di bot ini terakhir diperbarui kapan? Masih berlaku nggak?",
        "is this information up to date?",
    ):
        verdict = decide(MATCHER.match(text), DEFAULTS)
        assert (verdict.outcome, verdict.entry) == (Outcome.ANSWERED, "faq:info_current"), text
    news = decide(MATCHER.match("info program dikirim kapan"), DEFAULTS)
    assert news.entry == "faq:announcements"  # how news is sent keeps its own entry
    assert decide(MATCHER.match("how old are you"), DEFAULTS).entry is None


@pytest.mark.parametrize(
    "text", ["korea bayar ga", "how much does the trip to Korea cost and who pays?"]
)
def test_who_pays_for_going_is_not_what_registering_costs(text: str) -> None:
    """Session 51's talents' review: a question on who pays for the trip got who_can_apply's
    "registering here is free" directly, read as "the trip is free". It is never that; who
    pays is who covers the cost, which travel_costs answers (session 59: "sopo sing mbayar")."""
    verdict = decide(MATCHER.match(text), DEFAULTS)
    assert verdict.outcome != Outcome.ANSWERED or verdict.entry == "faq:travel_costs"
    assert decide(MATCHER.match("daftar bayar ga?"), DEFAULTS).entry == "faq:who_can_apply"


def _answered(text: str) -> str | None:
    """The entry a message is answered with directly, or None."""
    verdict = decide(MATCHER.match(text), DEFAULTS)
    return verdict.entry if verdict.outcome is Outcome.ANSWERED else None


def test_k_pop_auditions_trainees_and_a_debut_get_their_own_entry() -> None:
    """Session 51's talents' review: a K-pop cover dancer asking about auditions, trainees,
    agencies and a debut got suggestions of open calls, KOCCA and film pages; the entry on
    K-pop auditions answers that this bot is none of those. Facts about someone else's
    audition (when, what it pays) are still no entry's, nor is Indonesian Idol."""
    for text in (
        "ada audisi kpop ga kak di sini?",
        "aku pengen jadi trainee agensi korea, caranya gimana?",
        "bot ini bisa bantu aku debut di korea?",
        "can this bot get me into a k-pop agency audition?",
    ):
        assert _answered(text) == "faq:kpop_auditions", text
    for text in ("how much do kpop trainees get paid", "audisi indonesian idol kapan"):
        assert _answered(text) is None, text
    assert _answered("how can I become a videographer") is None  # "become" is no audition


def test_the_music_programs_are_the_overview_and_traditional_music_is_who_can_register() -> None:
    """Session 51's review: "program musik apa aja" got the one page "Talks on bringing music
    talent to Korea"; in English, traditional music and gamelan got nothing or suggestions
    while Indonesian got who_can_apply (its answer names traditional music)."""
    for text in ("program musik apa saja kak", "ada program musik apa aja yang ada"):
        assert _answered(text) == "faq:programs_overview", text
    for text in (
        "is traditional music allowed here?",
        "can gamelan players join?",
        "does religious music count?",
    ):
        assert _answered(text) == "faq:who_can_apply", text
    assert _answered("how do I register for a hardcore music festival") is None


def test_registering_for_mucon_music_showcases_and_no_manager() -> None:
    """Session 51's review: "can I register my interest? I'd like to be considered for MU:CON"
    got "not sure", without the Register button; a composer asking for music showcases got
    "not sure" with MU:CON second; "gw gapunya manajer bs daftar ga" got nothing."""
    assert _answered("how do I register my interest to be considered for MU:CON?") == (
        "faq:who_can_apply"
    )
    assert _answered("any music showcases in Korea I could apply to?") == "program:mucon"
    for text in ("gue gapunya manajer, bisa daftar ga", "I have no manager, can I register?"):
        assert _answered(text) == "faq:who_can_apply", text
    assert _answered("how do i get a manager for my band") is None  # a manager wanted


def test_the_meetings_decisions_documentaries_contacts_and_korean() -> None:
    """Session 51's review: what the January meeting decided (an MoU?), documentary funding,
    a contact person and official sources, and whether Korean is needed, each have their
    answer; learning Korean is no entry's."""
    for text, entry in [
        ("apakah ada MoU yang ditandatangani di pertemuan itu?", "faq:jan_2026_meeting"),
        ("was an MoU signed at the Ekraf meeting?", "faq:jan_2026_meeting"),
        ("ada hibah untuk film dokumenter dari kocca?", "faq:film_funding"),
        ("boleh minta email narahubung kocca jakarta?", "faq:contacts_sources"),
        ("sumber informasi ini dari mana? ada link situs resminya?", "faq:contacts_sources"),
        ("harus bisa bahasa korea ga kak", "faq:korean_language"),
        ("do I have to speak Korean to join?", "faq:korean_language"),
    ]:
        assert _answered(text) == entry, text
    for text in ("belajar bahasa korea dimana", "how to learn korean fast"):
        assert _answered(text) is None, text
    assert _answered("klo manggung disana dibayar ga") is None  # no fact on fees


def test_odd_alternatives_under_an_answer_are_gone() -> None:
    """Session 51's review: KOFIC's page ("cash back") was the other answer under "when will I
    hear back?", and my_data ("pihak ketiga") the first suggestion for who bears a
    co-production's costs ("pihak Korea atau pihak Indonesia")."""
    verdict = decide(MATCHER.match("when will I hear back?"), DEFAULTS)
    assert verdict.entry == "faq:after_registering"
    assert "program:kofic_incentive" not in verdict.others
    costs = "Siapa yang menanggung biaya koproduksi, pihak Korea atau pihak Indonesia?"
    assert "faq:my_data" not in decide(MATCHER.match(costs), DEFAULTS).others
    assert _answered("data saya dijual ke pihak ketiga?") == "faq:my_data"
    assert _answered("film in korea cash back") == "program:kofic_incentive"


def test_tell_me_more_only_leads_into_what_is_asked() -> None:
    """A review (session 59): "Tell me more about the co-production talks" got "Can I ask a
    real person?", whose phrasing "who can i talk to about more questions" has "more"."""
    for text, answer in [
        ("Tell me more about the co-production talks", "program:coproduction"),
        ("what came of the co-production talks?", "program:coproduction"),
        ("tell me more about mucon", "program:mucon"),
        ("tell me more about the january meeting", "faq:jan_2026_meeting"),
        ("who can i talk to about more questions", "faq:ask_human"),
        ("i want to talk to a human", "faq:ask_human"),
    ]:
        assert _answered(text) == answer, text
    assert _answered("tell me more") is None


def test_under_an_answer_only_entries_that_fit_nearly_as_well() -> None:
    """A talents' review: "Who runs this bot?" sat under the answer on sending a showreel,
    with a fifth of its fit. Another entry is offered under an answer only when it fits at
    least NEAR of the answer's fit (the entry's `see_also:` comes before it, in the desk)."""
    showreel = MATCHER.match("how do I send my showreel?")
    assert dict(showreel.ranked)["faq:who_runs"] < NEAR * showreel.ranked[0][1]
    assert decide(showreel, DEFAULTS).others == ()
    news = MATCHER.match("gimana cara dapet info program")
    verdict = decide(news, DEFAULTS)
    assert verdict.entry == "faq:announcements"
    assert verdict.others and all(
        dict(news.ranked)[other] >= NEAR * news.ranked[0][1] for other in verdict.others
    )
    assert "faq:my_data" in dict(news.ranked) and "faq:my_data" not in verdict.others


def test_the_second_reviews_words_email_one_more_thing_based_in_and_a_manager() -> None:
    """Session 52's second review: "surat elektronik" is email; "one more thing" only leads
    into a question (its "more" was ask_human's); "based in Bali" says where a talent is ("bali"
    was read as a typo of "wali", guardian); needing a manager, or not having one ("ga punya"),
    asks whether one may register; "salah satu" is "one of", not a mistake."""
    assert _answered("kapan dihubungi, lewat telepon atau surat elektronik?") == (
        "faq:after_registering"
    )
    assert _answered("one more thing: do you need my showreel?") == "faq:showreel_links"
    funding = decide(MATCHER.match("I'm a director based in Bali, any film funding?"), DEFAULTS)
    assert funding.entry == "faq:film_funding" and "faq:parents" not in funding.others
    for text in ("perlu manajer ga buat daftar?", "harus punya manajer ga kalau mau daftar?"):
        assert _answered(text) == "faq:who_can_apply", text
    band = "kami ga punya manager, yg daftar boleh salah satu personel aja kan"
    assert decide(MATCHER.match(band), DEFAULTS).outcome is not Outcome.ANSWERED or (
        _answered(band) == "faq:who_can_apply"
    )
    assert _answered("how do i get a manager for my band") is None  # a manager wanted
    assert _answered("salah isi formulir mau ubah data") == "faq:after_registering"


def test_keroncong_acf_for_a_producer_and_mucon_fees() -> None:
    """Session 52's second review: keroncong as traditional or pop got a program page
    directly (any genre may register); ACF for a producer got open_call_now directly; a
    question on MU:CON fees has no fact behind it, so it is not answered directly."""
    assert _answered("apakah keroncong termasuk musik tradisional?") == "faq:who_can_apply"
    acf = "Apakah Asian Cinema Fund menerima proposal dari produser atau sutradara?"
    assert _answered(acf) == "program:biff_acf"
    assert _answered("mucon tuh dibayar kagak sih") is None
    assert _answered("how old are you") is None  # "old" dates are no age


def test_the_third_reviews_words_not_singing_and_what_was_mentioned() -> None:
    """Session 52's third review: "ga nyanyi" (not singing) says who the talent is, and its
    "nyanyi" was the singers' phrasings of other entries; "yang disebutkan tadi" (mentioned
    earlier) points back and asks nothing (the APM page now says what its rules "tidak
    menyebut")."""
    assert _answered("aku ga nyanyi, cuma produser, bisa daftar?") == "faq:who_can_apply"
    assert _answered("Syarat yang disebutkan tadi berlaku untuk ACF juga?") == "program:biff_acf"


def test_what_the_bot_is_for_is_not_whether_it_is_a_bot() -> None:
    # "bot ini untuk apa?" is the bot's purpose (session 58's talents' review: it got "Can I
    # ask a real person?"); "kamu bot ya?" still asks whether a person answers.
    for text, expected in (
        ("bot ini buat apa sih?", "faq:about_bot"),
        ("what is this bot used for?", "faq:about_bot"),
        ("kamu bot ya?", "faq:ask_human"),
        ("is this a bot?", "faq:ask_human"),
        # The s58 re-check: without "untuk"/"for" these still got "Can I ask a real person?"
        # directly; whether one talks to a bot or a person still gets that page.
        ("ini bot apa?", "faq:about_bot"),
        ("bot apa ini?", "faq:about_bot"),
        ("ini bot buat apaan", "faq:about_bot"),
        ("what is this bot?", "faq:about_bot"),
        ("what does this bot do?", "faq:about_bot"),
        ("what can this bot do?", "faq:about_bot"),
        ("ini bot ya?", "faq:ask_human"),
        ("apakah saya chat dengan manusia?", "faq:ask_human"),
        ("ini bot apa orang?", "faq:ask_human"),
        ("kamu bot apa manusia sih?", "faq:ask_human"),
    ):
        assert not held_out(text)
        verdict = decide(MATCHER.match(text), DEFAULTS)
        assert (verdict.outcome, verdict.entry) == (Outcome.ANSWERED, expected), text


def test_session_60_okay_pay_a_formal_letter_tradition_and_an_age() -> None:
    """Session 60's talents' review. M1: "ok fine" read "fine" as a typo of "file" (how to
    send work); "terserah" (whatever) as one of "tersebar". M2: being paid to perform there is
    offered the costs entry (performer pay is not in our sources: ask our team), paying to
    register stays registering (a performer's fee is still no entry's word). M7: a formal
    letter's question after what the producer is working on (its budget, "Rp 12 miliar") was
    not sure, though the question alone is answered; its "prosedurnya", "mohon informasi" and
    "terima kasih atas perhatian Anda" asked nothing. L8: "bali" was read as "wali" (a place
    is no typo), and "umurku 17" counted "17" against every entry."""
    for text in ("ok fine", "ok fine whatever", "fine", "oke deh terserah", "oke baiklah"):
        assert MATCHER.match(text).talk == "thanks", text
    assert MATCHER.match("whatever").talk == "nudge"  # the menu, as before
    pay = "brp duitnya? di bayar gak kalo tampil disana? or i gotta pay??"
    offered = decide(MATCHER.match(pay), DEFAULTS)
    assert offered.outcome is Outcome.SUGGESTED and "faq:travel_costs" in offered.others
    assert _answered("daftarnya bayar gak?") == "faq:who_can_apply"
    assert _answered("do i have to pay to register") == "faq:who_can_apply"
    letter = (
        "Selamat siang Bapak/Ibu. Perkenalkan, saya Fajar Nugroho, produser dari Jakarta. Saat"
        " ini kami sedang mengembangkan sebuah film panjang bergenre drama keluarga dengan"
        " anggaran sekitar Rp 12 miliar, dan kami berminat menjajaki skema ko-produksi dengan"
        " mitra Korea. Mohon informasi apakah KOCCA memiliki dana ko-produksi yang dapat"
        " diajukan oleh produser Indonesia, berapa besaran maksimalnya, dan bagaimana"
        " prosedurnya. Terima kasih atas perhatian Anda."
    )
    assert _answered(letter) == "faq:film_funding"
    assert _answered(letter.replace("Terima kasih atas perhatian Anda.", "Salam hormat,")) == (
        "faq:film_funding"
    )
    english = (
        "Good afternoon. I am a producer from Jakarta. We are developing a feature drama with a"
        " budget of about 800,000 USD and want to co-produce with a Korean partner. Could you"
        " tell me whether KOCCA has a co-production fund Indonesian producers can apply for,"
        " the maximum amount, and the procedure? Thank you."
    )
    assert _answered(english) == "faq:film_funding"
    for closing in ("Terima kasih atas perhatian Anda.", "Salam hormat"):
        assert MATCHER.match(closing).talk in {"thanks", "greeting"}, closing
    gender = "musik tradisi bali seperti gender wayang apakah dihargai di korea?"
    assert _answered(gender) == "faq:who_can_apply"
    assert _answered("musik bali boleh daftar?") == "faq:who_can_apply"
    assert _answered("umurku 17 kak, boleh daftar mboten?") == "faq:who_can_apply"
    for text in (pay, letter, english, gender):
        assert not held_out(text)
