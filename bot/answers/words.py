"""Word lists for matching talents' chat: stopwords, short forms, greetings and thanks.

Our own lists (bm25s has no Indonesian stopwords, and PySastrawi's dictionary is
CC-BY-NC-SA): the function words of formal Indonesian and English, and the words of
Indonesian chat that carry no topic (kak, gan, sih, dong, ya, gak, gimana...). Question words
are stopwords too: every free message is a question, so "apa", "gimana" or "how" tell
nothing about which entry answers it. So are greetings and thanks said around a question
("selamat siang, ...", "... makasih"): as unknown words they counted against it, and
"selamat" was read as a typo of "alamat" (an address: the Jakarta office).
"""

from __future__ import annotations

import itertools


def _listed(text: str) -> frozenset[str]:
    """A word list written as lines of words."""
    return frozenset(text.split())


# Chat short forms, written out before anything else (both for talents' messages and for
# the phrasings in content/), so "gmn" and "gimana" are one word. Values may be several words.
SHORT_FORMS: dict[str, str] = {
    # Written as said (session 41's talent review): "dedlen", "reg", "registrasi" got nothing;
    # "bifff" is "bif" once its letters held down are read once.
    # Being paid ("dibayar gak kalo tampil?", "digaji") is a fee no entry has, not what
    # registering costs ("bayar", "berbayar": who_can_apply's); "harus dibayar" still costs
    # (PHRASES).
    # Anime (Japanese animation) is no entry's: its English stem is animation's ("anim"), and
    # "do you have anything for anime or game music composers?" got what_is_kocca directly
    # (its "KOCCA supports games, animation ...": session 46's second talents' review).
    "anime": "animejepang",
    # Second-hand ("bekas") is no entry's: it was read as a typo of "berkas" (what_to_prepare's
    # files), so "jual gendang beleq bekas di mana?" got what_to_prepare directly.
    "bekas": "barangbekas",
    # Practising ("latihan") is no entry's either: the training centre is "pelatihan" in every
    # round's questions, and session 47's "ada pendaftaran yg lagi buka skrg ndak? biar kami
    # latihan dari sekarang" got training_center directly (its stem is "latih" too).
    "latihan": "latihanrutin",
    # Military service ("wajib militer", Korean chat's "wamil") is no entry's: "militer" was read
    # as a typo of "minister" (what_is_kocca's), so "batasan umur masuk wajib militer korea
    # berapa" got who_can_apply directly (its age limit), at the threshold.
    "militer": "dinasmiliter",
    "military": "dinasmiliter",
    "wamil": "dinasmiliter",
    "dibayar": "honor",
    "digaji": "honor",
    "honornya": "honor",
    "nonfiksi": "dokumenter",  # not fiction (PHRASES: "bukan fiksi")
    "nonfiction": "documentary",
    # A documentary in film chat: "docu", "doku", "docs" (session 48's "proyek ku docu ttg
    # pekerja migran").
    "docu": "dokumenter",
    "doku": "dokumenter",
    # Jakarta chat's -in for -i: "datengin", "datangin" (datangi: "kantor KOCCA bisa aku
    # datengin?").
    "datengin": "datangi",
    "datangin": "datangi",
    # Given back ("dibalikin", "balikin", "dikembalikan": money returned) is "kembali"
    # (kofic_incentive's "dana kembali"): "dibalikin" was read as a typo of "dibagikan", and
    # the stemmer makes "dikembalikan" and "kembali" two words.
    "dibalikin": "kembali",
    "balikin": "kembali",
    "dibalikan": "kembali",
    "dikembalikan": "kembali",
    # "kudengar" (I heard), as "dengar" asks nothing.
    "kudengar": "dengar",
    # Being entered in ("diikutsertakan", "mengikutsertakan") is taking part ("ikut"): its stem
    # "ikutserta" is no entry's, and counted against them all.
    # Being late ("terlambat") is chat's "telat" (open_call_now's "takut telat submit"): its stem
    # "lambat" is slow, showreel_links' "internet lambat", so session 46's "ada yang buka
    # skarang kah? sa tra mau terlambat lagi" got showreel_links directly.
    "terlambat": "telat",
    "diikutsertakan": "ikut",
    "mengikutsertakan": "ikut",
    "dedlen": "deadline",
    "dedline": "deadline",
    "reg": "daftar",
    "registrasi": "daftar",
    "bif": "biff",
    "gmn": "gimana",
    "gmna": "gimana",
    "gimana2": "gimana",
    "bgmn": "bagaimana",
    "yg": "yang",
    "ga": "tidak",
    "gak": "tidak",
    "g": "tidak",
    "gk": "tidak",
    "nggak": "tidak",
    "ngga": "tidak",
    "enggak": "tidak",
    "engga": "tidak",
    "tdk": "tidak",
    "blm": "belum",
    # A phone's English autocorrect (session 46: "dafter disini bayer gal?", "statues nya bias
    # dicek", "buat session player jug gal?"): the chat words it replaced.
    "gal": "tidak",
    "dafter": "daftar",
    "bayer": "bayar",
    "bias": "bisa",
    "jug": "juga",
    "statues": "status",
    # English "progress" in Indonesian chat is "proses" (session 46's "klo udh isi form,
    # progress nya bisa dicek dmn ya"): unknown, it was corrected to "program".
    "progress": "proses",
    "progres": "proses",
    "blum": "belum",
    "udh": "sudah",
    "udah": "sudah",
    "sdh": "sudah",
    "dah": "sudah",
    "dgn": "dengan",
    "utk": "untuk",
    "untk": "untuk",
    "bwt": "buat",
    "jkt": "jakarta",
    "indo": "indonesia",
    "krn": "karena",
    "bgt": "banget",
    "bnyk": "banyak",
    "aja": "saja",
    "dmn": "dimana",
    "knp": "kenapa",
    "org": "orang",
    "kk": "kak",
    "dlm": "dalam",
    "tp": "tapi",
    "jg": "juga",
    "sy": "saya",
    "gw": "gue",
    "gua": "gue",
    "ak": "aku",
    "km": "kamu",
    "klo": "kalau",
    "kalo": "kalau",
    "kl": "kalau",
    "brp": "berapa",
    "ttg": "tentang",
    "tgl": "tanggal",
    "thx": "thanks",
    "tq": "thanks",
    "ty": "thanks",
    "tks": "thanks",
    "pls": "please",
    "plz": "please",
    "u": "you",
    "ur": "your",
    "im": "i am",
    "ph": "production house",
    "hp": "handphone",
    "wa": "whatsapp",
    "gdrive": "google drive",
    "yt": "youtube",
    "ig": "instagram",
    "oprec": "open recruitment",
    # More of chat's spellings of function words, so they become stopwords, not unknown words
    # that count against a question ("belom", "pengen", "dipake").
    "belom": "belum",
    "blom": "belum",
    "liat": "lihat",
    "ngeliat": "lihat",
    "pengen": "ingin",
    "pingin": "ingin",
    "pgn": "ingin",
    "td": "tadi",
    "tdi": "tadi",
    "pake": "pakai",
    "dipake": "dipakai",
    "gede": "besar",
    "gedhe": "besar",
    "ngomong": "bicara",
    "nanya": "tanya",
    "nanyain": "tanya",
    "nyari": "cari",
    "dr": "dari",
    "dri": "dari",
    # How many of us, with a digit ("Kita ber4 kang, band indie dr bandung": a talents'
    # review, s55): who asks, as "berempat" is (ABOUT_TALENT), not an unknown word against the
    # message. ("ber2" would be read as a doubled "ber" first.)
    "ber3": "bertiga",
    "ber4": "berempat",
    "ber5": "berlima",
    "ber6": "berenam",
    "ber7": "bertujuh",
    "sm": "sama",
    "ama": "sama",
    "bs": "bisa",
    "bsa": "bisa",
    "gimna": "gimana",
    "gmana": "gimana",
    "kpn": "kapan",
    "kapn": "kapan",
    "skrg": "sekarang",
    "skrng": "sekarang",
    "skg": "sekarang",
    "lg": "lagi",
    "trs": "terus",
    "trus": "terus",
    "jd": "jadi",
    "jdi": "jadi",
    "emg": "emang",
    "msh": "masih",
    "bkn": "bukan",
    "sampe": "sampai",
    "smpe": "sampai",
    "smpai": "sampai",
    "ato": "atau",
    "atw": "atau",
    "tlg": "tolong",
    "mo": "mau",
    "nggk": "tidak",
    "kagak": "tidak",
    "gaada": "tidak ada",
    # A parent's formal worry (session 44's review): "mengatasnamakan" is "atas nama" (in the
    # name of), who_runs' words for a scam in the bot's name.
    "mengatasnamakan": "atas nama",
    "mengatas-namakan": "atas nama",
    "atasnama": "atas nama",
    "gada": "tidak ada",
    "ndak": "tidak",
    "nda": "tidak",
    "dpt": "dapat",
    "dapet": "dapat",
    "bener": "benar",
    "pny": "punya",
    "kyk": "kayak",
    "kek": "kayak",
    "gt": "gitu",
    "gtu": "gitu",
    "sya": "saya",
    "aq": "aku",
    # Chat's names for things the entries name otherwise.
    "kegedean": "terlalu besar",
    "kebesaran": "terlalu besar",
    "sma": "sekolah",
    "smk": "sekolah",
    "smp": "sekolah",
    # A child, in chat ("bocah", "bocil": bocah cilik): "anak" (session 49's minors).
    "bocah": "anak",
    "bocil": "anak",
    # Church music is religious music, a genre ("choir gereja bisa ikut?", "lagu gerejawi /
    # musik rohani, itu masuk hitungan kah?": a talents' review s62, L3, got nothing).
    "gereja": "rohani",
    "gerejawi": "rohani",
    # A parent writing from the child's account ("Ini ibunya Kevin, anak saya baru 16 tahun";
    # a talents' review s62, H3: it got who_can_apply's "Mau mulai? Ketik /daftar").
    "ibunya": "ortu",
    "ayahnya": "ortu",
    # ... and in English ("This is Kevin's mother, he is only 16, please cancel his
    # registration": a recheck s62, H3, got after_registering's "when will I hear back?").
    **dict.fromkeys(("mother", "mom", "mum", "mommy", "mummy", "father", "dad", "daddy"), "parent"),
    "kopro": "koproduksi",
    "kolab": "kolaborasi",  # "kolab karo idol kpop iso gak" (a talents' review s62, M3)
    "bcw": "bcww",
    "nulis": "menulis",
    "ngirim": "kirim",
    "ngedaftar": "daftar",
    "mp4": "file video",
    "reel": "showreel",  # film crews' word for it ("how do I send my reel")
    "thn": "tahun",
    "taun": "tahun",
    "bhs": "bahasa",
    # "pas-pasan" (just enough), chat-doubled with a 2 (session 58: "inggris aja pas2an").
    "pas2an": "pas pasan",
    "paspasan": "pas pasan",
    # Sumatran chat's short forms ("bg gw udh dftr", "ad gk program bwt rapper").
    "bg": "bang",
    "ad": "ada",
    "ni": "ini",
    "mw": "mau",
    "nnti": "nanti",
    "ntar": "nanti",
    "jgn": "jangan",
    "jgn2": "jangan",
    "ngmg": "bicara",
    "lgsg": "langsung",
    "lgsung": "langsung",
    "orng": "orang",
    "dftr": "daftar",
    "nyanyi": "menyanyi",
    "ngabarin": "kabar",
    "wanna": "want",
    "gotta": "have to",
    "gonna": "going to",
    # Eastern Indonesia's Malay (Papua, NTT, Maluku): "sa pu film", "sa su daftar", "tra bisa".
    "sa": "saya",
    "pu": "punya",
    "su": "sudah",
    "tra": "tidak",
    "trada": "tidak ada",
    "deng": "dengan",
    # Sundanese chat's function words ("abdi teh penyanyi, tiasa ngiring teu?", "kumaha
    # atuh cara daftarna"); its particles (teh, mah, atuh, euy) are stopwords.
    "abdi": "saya",
    "aya": "ada",
    "teu": "tidak",
    "henteu": "tidak",
    "tiasa": "bisa",
    "kumaha": "bagaimana",
    "naon": "apa",
    "iraha": "kapan",
    "hoyong": "ingin",
    "ayeuna": "sekarang",
    "gaduh": "punya",
    "kanggo": "untuk",
    "parantos": "sudah",
    "sanes": "bukan",
    "ngiring": "ikut",
    "kamari": "kemarin",
    "pisan": "banget",
    "ngan": "hanya",
    "bade": "mau",
    "sareng": "dengan",
    "upami": "kalau",
    "kedah": "harus",
    "ti": "dari",
    # Session 47's: "di dieu" (di sini), "ka ditu" (ke sana), "kaasup" (termasuk), "nyandak"
    # (membawa), "ngabahas" (membahas); its "heula" (dulu) is a stopword.
    "dieu": "sini",
    "ditu": "sana",
    "kaasup": "termasuk",
    "nyandak": "membawa",
    "ngabahas": "membahas",
    # Session 49's: registering ("ngadaptar", "daptar"), done ("tos", "atos"), preparing
    # ("nyiapkeun"), filling in ("ngeusian"), before ("sateuacan", "saacan"), asking
    # ("naros"), a person ("jalmi", "jalma"), so ("kitu"), sending ("ngintun"), money
    # ("artos"), age ("yuswa"), currently ("nuju").
    "ngadaptar": "daftar",
    "ngadaptarkeun": "daftarkan",
    "daptar": "daftar",
    "tos": "sudah",
    "atos": "sudah",
    "nyiapkeun": "menyiapkan",
    "siapkeun": "siapkan",
    "ngeusian": "mengisi",
    "ngeusi": "mengisi",
    "sateuacan": "sebelum",
    "saacan": "sebelum",
    "naros": "tanya",
    "jalmi": "orang",
    "jalma": "orang",
    "kitu": "begitu",
    "ngintun": "kirim",
    "ngintunkeun": "kirim",
    "artos": "uang",
    "yuswa": "umur",
    "nuju": "sedang",
    # Javanese chat, krama and ngoko ("kulo badhe ndaftar teng mriki, kedah mbayar mboten
    # nggih?"): its function words written out, and its words for registering, paying,
    # joining, language, as the Indonesian words the entries have.
    "kulo": "saya",
    "kula": "saya",
    "panjenengan": "anda",
    "sampeyan": "anda",
    "nggih": "ya",
    "nggeh": "ya",
    "mboten": "tidak",
    "boten": "tidak",
    "ora": "tidak",
    "menawi": "kalau",
    "menawa": "kalau",
    "badhe": "mau",
    "saged": "bisa",
    "saget": "bisa",
    "sampun": "sudah",
    "dereng": "belum",
    "durung": "belum",
    "wonten": "ada",
    "teng": "di",
    "mriki": "sini",
    "mriku": "situ",
    "mrika": "sana",
    "niku": "itu",
    "niki": "ini",
    "nopo": "apa",
    "pripun": "bagaimana",
    "piye": "bagaimana",
    "kepiye": "bagaimana",
    "namung": "hanya",
    "kangge": "untuk",
    "dhateng": "ke",
    "saking": "dari",
    "utawi": "atau",
    "utawa": "atau",
    "ingkang": "yang",
    "mawon": "saja",
    "taksih": "masih",
    "gadhah": "punya",
    "gadah": "punya",
    "nyuwun": "mohon",
    "sewu": "permisi",  # "nyuwun sewu": excuse me
    "pirsa": "tanya",  # "nyuwun pirsa": may I ask
    "tanglet": "tanya",
    "takon": "tanya",
    "sekedhik": "sedikit",
    "ndaftar": "daftar",
    "mbayar": "bayar",
    "ngisi": "isi",
    "tiyang": "orang",
    "ndherek": "ikut",
    "melu": "ikut",
    "melok": "ikut",  # Suroboyoan (session 49: "kudu piye ben iso melok?")
    "baen": "saja",  # Banyumasan: "ana apa baen" (ada apa saja)
    "dolan": "datang",  # Javanese: visiting ("olih dolan mrana?": boleh datang ke sana?)
    "sek": "masih",  # Javanese: "sek SMP" (still at junior high)
    "kathah": "banyak",
    "arta": "uang",
    "basa": "bahasa",
    "ngangge": "pakai",
    "nganggo": "pakai",
    "watesan": "batas",
    "enggal": "baru",
    "nggantos": "ganti",
    "carane": "cara",
    "ing": "di",
    "kepungkur": "lalu",
    "kados": "seperti",
    "ngajeng": "depan",
    "sugeng": "selamat",
    "enjing": "pagi",
    "sonten": "sore",
    "dalu": "malam",
    "sakmenika": "sekarang",
    "sakniki": "sekarang",
    "saiki": "sekarang",
    "pundi": "mana",
    "menapa": "apa",
    "punapa": "apa",
    "kemawon": "saja",
    "pinten": "berapa",
    "disimpen": "disimpan",
    "endi": "mana",
    "napa": "apa",  # Javanese "apa"; Betawi "kenapa"
    "patos": "begitu",  # "mboten patos": not very
    "nomer": "nomor",
    # Betawi (Jakarta) chat: "kaga", "kudu", "taon", its -e for -a ("aje", "ape", "gimane").
    "kaga": "tidak",
    "kudu": "harus",
    "taon": "tahun",
    "aje": "saja",
    "ame": "sama",
    "ape": "apa",
    "kenape": "kenapa",
    "ngapa": "kenapa",
    "gimane": "gimana",
    "pegimane": "bagaimana",
    "nyang": "yang",
    "entar": "nanti",
    "udeh": "sudah",
    "kite": "kita",
    "mulu": "terus",
    "dikemanain": "kemana",
    "dikemanakan": "kemana",
    # Manado Malay: ngana (kamu), nyanda (tidak), pe (punya), kiapa (kenapa), musti
    # (harus), kase (kasih: "kase tau"); torang/dorang/ngoni (kami, mereka, kalian). Its
    # particles (jo, dang, ne) and "mar" (tapi), "iko" (ikut; Minang's "ini") are stopwords;
    # "kita" is already one, and "so" (sudah) is one in English too.
    "ngana": "kamu",
    "nyanda": "tidak",
    "pe": "punya",
    "kiapa": "kenapa",
    "bagimana": "bagaimana",
    "skarang": "sekarang",
    "musti": "harus",
    "kase": "kasih",
    "brapa": "berapa",
    "betul": "benar",
    "torang": "kami",
    "dorang": "mereka",
    "ngoni": "kalian",
    "bekeng": "bikin",
    "pigi": "pergi",
    "skali": "sekali",
    "slamat": "selamat",
    "makase": "makasih",
    "maturnuwun": "matur nuwun",
    "trimakasih": "terimakasih",
    "trimakasi": "terimakasih",
    "trima": "terima",  # Flores Malay: "trima kasih banyak e"
    "ngebantu": "membantu",  # "makasih ya, ngebantu bgt"
    "ngebantuin": "membantu",
    "salamat": "selamat",  # Banjar, Maluku: "salamat siang", "salamat malam basudara"
    "okee": "oke",
    "mksih": "makasih",
    # Thanks in Sasak (Lombok), Madurese and Kalimantan's Malay: "tampiasih", "mator
    # sakalangkong", "makaseh"; Madurese writes "dari" as "dhari" ("salam dhari Sumenep").
    "tampiasih": "terimakasih",
    "sakalangkong": "terimakasih",
    "mator": "matur",
    "makaseh": "makasih",
    "mantep": "mantap",
    "dhari": "dari",
    # Greetings and thanks in session 42's voices: "haloo" (two o's are not three held down),
    # Javanese "wengi" (malam: "sugeng wengi"), Batak Toba "godang" (banyak: "mauliate godang").
    "haloo": "halo",
    "wengi": "malam",
    "godang": "banyak",
    # Greetings and thanks in session 42b's voices: "asalamualaikum" (one s), Toraja's and
    # Bugis' "salama'" (selamat).
    "asalamualaikum": "assalamualaikum",
    "salama": "selamat",
    "sanget": "banget",
    # Session 43's: chat's "kakk" (kak with a letter more).
    "kakk": "kak",
    # Session 47's: chat's "slmt mlm" (selamat malam), Sundanese "wilujeng" (selamat:
    # "wilujeng sonten").
    "slmt": "selamat",
    "mlm": "malam",
    "wilujeng": "selamat",
    # Betawi and Malay "sape" (siapa): "sape yang ngelola bot ini?" (a Dayak sape' player says
    # who they are with "saya", so the lute reads as "siapa" harmlessly).
    "sape": "siapa",
    # Session 43b's: Osing (Banyuwangi) "riko" (kamu, polite) and "sembah nuwun" (thanks, in
    # PHRASES); Nias' "ya'ahowu" (a greeting, written with or without its apostrophe);
    # Singkawang Hakka's "to sia" (thanks, in PHRASES).
    "riko": "kamu",
    "yaahowu": "ahowu",
    # North Maluku Malay (Ternate): tara (tidak), its ba- glued to a verb ("badaftar"); "spt"
    # is seperti.
    "tara": "tidak",
    "badaftar": "daftar",
    "spt": "seperti",
    # Managing is one word however it is formed: the stemmer made "kelola" lola, "mengelola"
    # and "pengelola" elola, "ngelola" ngelola, and only "dikelola" kelola (who_runs' phrasing).
    "kelola": "dikelola",
    "mengelola": "dikelola",
    "pengelola": "dikelola",
    "ngelola": "dikelola",
    # Finances are no entry's: "keuangan" stemmed to "uang" (money, who_runs' transfers), and
    # "cara ngelola keuangan band" got who_runs directly.
    "keuangan": "finansial",
    # A formal letter's "turut serta" (ikut) and "memiliki" (punya).
    "turut": "ikut",
    "memiliki": "punya",
    # Medan chat: "cemana" (bagaimana), "kelen" (kalian), "kawan" (teman); its particles
    # (bah, la) and "lu", "bilang" are stopwords.
    "cemana": "bagaimana",
    "camana": "bagaimana",
    "kelen": "kalian",
    "kawan": "teman",
    # Gen-Z chat: "gaes" (guys), "ngecek", "tetep"; its fillers (literally, ygy, spill, mager,
    # kuy, otw, btw, wkwk) are stopwords.
    "gaes": "guys",
    "gais": "guys",
    "ngecek": "cek",
    "tetep": "tetap",
    "ttp": "tetap",
    # Banyumas Ngapak: inyong/nyong (saya), rika (kamu), kepriwe (bagaimana), kiye (ini),
    # nang (di), esih (masih), olih (boleh), duwe (punya), maring (ke), nggo (untuk), mung
    # (hanya), wis (sudah), karo (sama), jare (katanya), thok (saja), maning (lagi).
    "inyong": "saya",
    "nyong": "saya",
    "rika": "kamu",
    "kepriwe": "bagaimana",
    "priwe": "bagaimana",
    "kiye": "ini",
    "kuwe": "itu",
    "nang": "di",
    "esih": "masih",
    "olih": "boleh",
    "duwe": "punya",
    "maring": "ke",
    "nggo": "untuk",
    "mung": "hanya",
    "wis": "sudah",
    "karo": "sama",
    "wong": "orang",
    "tenan": "benar",
    "krungu": "dengar",
    "jare": "katanya",
    "cedhak": "dekat",
    "thok": "saja",
    "maning": "lagi",
    "ngendi": "mana",
    "njelasna": "jelaskan",
    "njelaske": "jelaskan",
    "temenan": "banget",
    # Suroboyoan: rek and cak call someone, like "kak"; koen (kamu), opo (apa), iku/iki
    # (itu/ini), onok (ada), teko (dari), kene (sini), lek (kalau), sopo (siapa), seh (sih),
    # iso (bisa), boso (bahasa), kabeh (semua), ngapus (hapus), moco (baca), mandek (berhenti),
    # maneh (lagi), ojok (jangan), tok (saja: "cuma kpop tok"); session 59's Dimas ("aku
    # pingin daftar maneh iso ta?", "ojok2 cuma kpop tok") had them counted against every entry.
    "koen": "kamu",
    "opo": "apa",
    "iku": "itu",
    "iki": "ini",
    "onok": "ada",
    "teko": "dari",
    "kene": "sini",
    "lek": "kalau",
    "sopo": "siapa",
    "seh": "sih",
    "yo": "ya",
    "koyok": "kayak",
    "koyo": "kayak",
    "iso": "bisa",
    "isok": "bisa",
    "boso": "bahasa",
    "kabeh": "semua",
    "ngapus": "hapus",
    "moco": "baca",
    "diwoco": "dibaca",
    "konco": "teman",
    "mandek": "berhenti",
    "maneh": "lagi",
    "ojok": "jangan",
    "tok": "saja",
    "ae": "saja",
    "pancet": "tetap",
    "lawas": "lama",
    # Preparing ("aku kudu nyiapno opo ae cak?", a talents' review s62, L3: no answer).
    "nyiapno": "menyiapkan",
    "nyiapke": "menyiapkan",
    "kakean": "terlalu banyak",
    # Banjar (South Kalimantan): ulun/unda (saya), pian (anda), ikam (kamu), kada (tidak),
    # kadada (tidak ada), handak (mau), haja (saja), amun (kalau), gasan (untuk), matan (dari),
    # tulak (pergi), kawa (bisa), wayah (sekarang: "wayah ini"), bubuhan (a group: who asks),
    # ganal (besar), sabujurnya (sebenarnya); its ma- and ba- for me- and ber- (mandaftar,
    # mambayar, mangirim); its particles (pang, lah, kah) ask nothing.
    "ulun": "saya",
    "unda": "saya",
    "pian": "anda",
    "ikam": "kamu",
    "kada": "tidak",
    "kadada": "tidak ada",
    "handak": "mau",
    "haja": "saja",
    "amun": "kalau",
    "gasan": "untuk",
    "matan": "dari",
    "tulak": "pergi",
    "kawa": "bisa",
    "wayah": "sekarang",
    "bubuhan": "kelompok",
    "ganal": "besar",
    "barapa": "berapa",
    "banar": "benar",
    "sabujurnya": "sebenarnya",
    "mandaftar": "daftar",
    "mambayar": "bayar",
    "mangirim": "kirim",
    # Palembang Malay: ado (ada), dak (tidak), galo (semua), kalu (kalau), nak (mau), apo
    # (apa), bae (saja), samo (sama), biso/pacak (bisa), kagek (nanti), caro (cara), mano
    # (mana), ngapo (kenapa), dio (dia), kito (kita), sudem (sudah), galak (mau), jingok
    # (lihat), cubo (coba); "cak mano" is bagaimana, and its "-nyo" is "-nya" (text.words).
    "ado": "ada",
    "dak": "tidak",
    "galo": "semua",
    "kalu": "kalau",
    "nak": "mau",
    "apo": "apa",
    "bae": "saja",
    "samo": "sama",
    "biso": "bisa",
    "pacak": "bisa",
    "kagek": "nanti",
    "caro": "cara",
    "mano": "mana",
    "ngapo": "kenapa",
    "dio": "dia",
    "kito": "kita",
    "sudem": "sudah",
    "galak": "mau",
    "jingok": "lihat",
    "cubo": "coba",
    # Ambon (Maluku) Malay: beta (saya), ose/ale (kamu), katong (kami), seng (tidak), par
    # (untuk), pi (pergi), tagal (karena), dapa (dapat), tarus (terus), lia (lihat), pung
    # (punya), sapa (siapa), jang (jangan), sadiki (sedikit); Kupang (NTT) Malay: sonde
    # (tidak), balom (belum), bosong (kalian), botong/kotong (kami), talalu (terlalu), tamang
    # (teman), maen (main), bagemana/bemana (bagaimana); their "ko" asks nothing.
    "beta": "saya",
    "ose": "kamu",
    "ale": "kamu",
    "katong": "kami",
    "seng": "tidak",
    "par": "untuk",
    "pi": "pergi",
    "tagal": "karena",
    "dapa": "dapat",
    "tarus": "terus",
    "lia": "lihat",
    "pung": "punya",
    "sapa": "siapa",
    "jang": "jangan",
    "sadiki": "sedikit",
    "sonde": "tidak",
    "balom": "belum",
    "bosong": "kalian",
    "botong": "kami",
    "kotong": "kami",
    "talalu": "terlalu",
    "tamang": "teman",
    "maen": "main",
    "bagemana": "bagaimana",
    "bemana": "bagaimana",
    # Acehnese words in Indonesian chat: lon (saya), kamoe (kami), droeneuh (anda), hana
    # (tidak), peu (apa), kiban (bagaimana), pakon (kenapa), na (ada), nyoe (ini), nyan (itu),
    # jeut (bisa), keu (untuk), ngon (dengan), meunyoe (kalau), keunan (ke sana), sampoe
    # (sampai), jinoe (sekarang), buleun (bulan), thon (tahun), ureueng (orang), deungo
    # (dengar), ban (barusan: "lon ban deungo", I just heard).
    "lon": "saya",
    "kamoe": "kami",
    "droeneuh": "anda",
    "hana": "tidak",
    "peu": "apa",
    "kiban": "bagaimana",
    "pakon": "kenapa",
    "na": "ada",
    "nyoe": "ini",
    "nyan": "itu",
    "jeut": "bisa",
    "keu": "untuk",
    "ngon": "dengan",
    "meunyoe": "kalau",
    "keunan": "ke sana",
    "sampoe": "sampai",
    "jinoe": "sekarang",
    "buleun": "bulan",
    "thon": "tahun",
    "ureueng": "orang",
    "deungo": "dengar",
    "ban": "barusan",
    # Malaysian Malay, as Indonesians working in Malaysia write it: kat (di), hantar (kirim),
    # pautan (link), borang (formulir), emel (email), selepas (setelah), tukar (ganti),
    # percuma (gratis), yuran (biaya), persembahan (tampil), duduk (tinggal: "duduk
    # Malaysia"), sikit (sedikit); "nak" is mau (as in Palembang), "pihak tuan" is anda.
    "kat": "di",
    "hantar": "kirim",
    "pautan": "link",
    "borang": "formulir",
    "emel": "email",
    "selepas": "setelah",
    "tukar": "ganti",
    "percuma": "gratis",
    "yuran": "biaya",
    "persembahan": "tampil",
    "duduk": "tinggal",
    "sikit": "sedikit",
    # A beatmaker's words: audio files and stems are songs sent as files (like "mp4"); "rn"
    # is right now; and chat's "kmrn", "tipu" (a scam), "televisi"; hip hop and Aceh's rapa'i say
    # who asks.
    "wav": "file lagu",
    "mp3": "file lagu",
    "stems": "file lagu",
    "rn": "sekarang",
    "kmrn": "kemarin",
    "tipu": "penipuan",
    "televisi": "tv",
    # Sasak (Lombok) words in Indonesian chat: tiang (saya, already a stopword), araq (ada),
    # leq (di), jok (ke), te (sini), mele (mau), lalo (pergi), mun/lamun (kalau; Sundanese
    # "mun" too), ndeq/ndek (tidak), bayah (bayar), kepeng (uang), saq (yang), kance (dengan),
    # berembe (bagaimana), piran (kapan), uah (sudah), laek (lalu: "minggu laek"), bau (bisa).
    "araq": "ada",
    "leq": "di",
    "jok": "ke",
    "te": "sini",
    "mele": "mau",
    "lalo": "pergi",
    "mun": "kalau",
    "lamun": "kalau",
    "ndeq": "tidak",
    "ndek": "tidak",
    "bayah": "bayar",
    "kepeng": "uang",
    "saq": "yang",
    "kance": "dengan",
    "berembe": "bagaimana",
    "piran": "kapan",
    "uah": "sudah",
    "laek": "lalu",
    "bau": "bisa",
    "siapang": "siapkan",  # Sasak's -ang for -kan: it was read as a typo of "siapa" (who)
    # Madurese words in Indonesian chat: engkok (saya), bedheh (ada), neng (di), dinnak
    # (sini), mayar (bayar), baramma (bagaimana), carana (caranya; Sundanese too), endik
    # (punya), agenti (ganti), robah (ubah), ekangghuy (dipakai), beih (saja), tako' (takut),
    # esebar (disebar), reya (ini), se (yang), terro (ingin), bik (dengan), oreng (orang),
    # dhaddhi (jadi).
    "engkok": "saya",
    "engko": "saya",
    "bedheh": "ada",
    "bedhe": "ada",
    "neng": "di",
    "dinnak": "sini",
    "dhinnak": "sini",
    "mayar": "bayar",
    "baramma": "bagaimana",
    "beramma": "bagaimana",
    "carana": "cara",
    "endik": "punya",
    "andik": "punya",
    "agenti": "ganti",
    "robah": "ubah",
    "robahna": "ubah",
    "ekangghuy": "dipakai",
    "beih": "saja",
    "bhei": "saja",
    "tako": "takut",
    "esebar": "disebar",
    "reya": "ini",
    "se": "yang",
    "terro": "ingin",
    "bik": "dengan",
    "oreng": "orang",
    "dhaddhi": "jadi",
    # Kalimantan's Malay (Pontianak, and Dayak talents writing it): kamek (saya), kitak
    # (kalian), sidak (mereka), ade (ada; Betawi too), mane (mana: "macam mane"), bile
    # (kapan), jak (saja), bawak (bawa), lepas (setelah: "lepas daftar"), carenye (caranya).
    "kamek": "saya",
    "kitak": "kalian",
    "sidak": "mereka",
    "ade": "ada",
    "mane": "mana",
    "bile": "kapan",
    "jak": "saja",
    "bawak": "bawa",
    "lepas": "setelah",
    "carenye": "cara",
    # Batak Toba words in Indonesian chat: aha (apa), adong (ada), boasa (kenapa), boha
    # (bagaimana), songon (seperti: "songon dia", how), ise (siapa), didia (di mana), sadia
    # (berapa), boi (bisa), nunga (sudah), ahu (saya), hami (kami), boru (a daughter: "si boru
    # kami", anak); its particles (ma, si) and Medan's "pulak" ask nothing.
    "aha": "apa",
    "adong": "ada",
    "boasa": "kenapa",
    "boha": "bagaimana",
    "songon": "seperti",
    "ise": "siapa",
    "didia": "dimana",
    "sadia": "berapa",
    "boi": "bisa",
    "nunga": "sudah",
    "ahu": "saya",
    "hami": "kami",
    "boru": "anak",
    "pulak": "pula",
    # Bugis words in Indonesian chat (Bone, Sinjai, Wajo): engka (ada), aga (apa), magai
    # (kenapa), de' (tidak), gaga (tidak ada: "de' gaga"), doi (uang; Jakarta's "doi" is dia:
    # either asks nothing more than "bayar" does).
    "engka": "ada",
    "aga": "apa",
    "magai": "kenapa",
    "de": "tidak",
    "gaga": "tidak ada",
    # Jambi Malay, close to Palembang's: jugo (juga), kato (kata: "katonyo"), punyo (punya),
    # idak (tidak), pertamo (pertama).
    "jugo": "juga",
    "kato": "kata",
    "katonya": "katanya",
    "punyo": "punya",
    "idak": "tidak",
    "pertamo": "pertama",
    # Pantura Javanese (Indramayu, Cirebon: Dermayon): sira (kamu), laka (tidak ada), pira
    # (berapa), kepriben/priben (bagaimana), ning (di), ana (ada; Ngapak too), sing (yang;
    # Dermayon's "dari"), kien/kuen (ini/itu), jaluk (minta), duwit (duit); its particles kuh
    # and jeh ask nothing.
    "sira": "kamu",
    "laka": "tidak ada",
    "pira": "berapa",
    "kepriben": "bagaimana",
    "priben": "bagaimana",
    "ning": "di",
    "ana": "ada",
    "sing": "yang",
    "kien": "ini",
    "kuen": "itu",
    "jaluk": "minta",
    "duwit": "duit",
    # Bangka Malay chat's "cm" (cuma); Lampung's nyak (saya), api (apa), mak (tidak; elsewhere
    # a mother, emak: either way who asks, not what) and garap (bikin: "garap film").
    "cm": "cuma",
    "nyak": "saya",
    "api": "apa",
    "mak": "emak",
    "garap": "bikin",
    "nggarap": "bikin",
    # East Javanese as Kediri, Nganjuk or Blitar write it (Mataraman): wes (sudah), ono (ada),
    # nek (kalau), mek (hanya), arep (mau), akeh (banyak), anyar (baru), sepurane (maaf), wedi
    # (takut), golek (cari), suwe (lama), dowo (panjang), biyen (dulu), ngene (begini), ngerti
    # (tahu), jeneng (nama), sak jane (sebenarnya, in PHRASES), dewe (sendiri), loro (dua),
    # gowo (bawa), budal (pergi), kon (Suroboyoan's koen), dijaluk (diminta); its -e for -nya
    # (soale, duite, makane, akhire) and -no for -kan (disalahgunakno); ketipu is a scam.
    "wes": "sudah",
    # Chat's "rung" (durung: belum), "mlebu" (masuk) and "kedaftar" (terdaftar): "aku wes daftar
    # rung?", "pendaftaranku wes mlebu durung?" (a talents' review s64, M2, got "not sure" with
    # the January meeting, not the talent's status).
    "rung": "belum",
    "mlebu": "masuk",
    "kedaftar": "terdaftar",
    # "ora popo" (tidak apa-apa: it's fine, a talents' review s64, L1: an unanswered question
    # in /stats), as chat's "gpp".
    "popo": "apa apa",
    "ono": "ada",
    "nek": "kalau",
    "mek": "hanya",
    "arep": "mau",
    "akeh": "banyak",
    "anyar": "baru",
    "sepurane": "maaf",
    "wedi": "takut",
    "golek": "cari",
    "suwe": "lama",
    "dowo": "panjang",
    "biyen": "dulu",
    "ngene": "begini",
    "ngerti": "tahu",
    "jeneng": "nama",
    "jenenge": "namanya",
    "sakjane": "sebenarnya",
    "dewe": "sendiri",
    "loro": "dua",
    "gowo": "bawa",
    "nggowo": "bawa",
    "budal": "pergi",
    "kon": "kamu",
    "dijaluk": "diminta",
    "soale": "soalnya",
    "duite": "duit",
    "makane": "makanya",
    "akhire": "akhirnya",
    "disalahgunakno": "disalahgunakan",
    "ketipu": "penipuan",
    # Session 48's Mataraman and Pekalongan chat: kie (ini, Tegal/Pekalongan's "kiye"), kui (itu),
    # pora ("opo ora": apa tidak), ben (biar), wulan (bulan), ngabari
    # (dikabari), and -e for -nya: biasane, tuane ("wong tuane": orang tuanya), daftare.
    "kie": "ini",
    "kui": "itu",
    "pora": "apa tidak",
    "ben": "biar",
    "wulan": "bulan",
    "ngabari": "dikabari",
    "biasane": "biasanya",
    "tuane": "tuanya",
    "daftare": "daftarnya",
    # Flores: Manggarai's "ite" (anda, polite) and "co'o" (bagaimana, in PHRASES), Eastern
    # Indonesia's "ju" (juga).
    "ite": "anda",
    "ju": "juga",
    # Korean words in a K-culture fan's Indonesian: eotteoke (bagaimana), jebal (tolong),
    # chingu (teman), eomma/appa (a parent: "eomma harus ngapain"); jinjja, daebak, aigoo,
    # molla, hwaiting ask nothing.
    "eotteoke": "bagaimana",
    "eotteokhae": "bagaimana",
    "otoke": "bagaimana",
    "jebal": "tolong",
    "chingu": "teman",
    "eomma": "ortu",
    "appa": "ortu",
    # Chat's "temen" is teman (a friend: asks nothing).
    "temen": "teman",
    # Deaf ("tuli") is a word no entry has, as "tunarungu" and "deaf" are: the English rules
    # stem "tulis" (write) to "tuli", so it was read as writing ("saya tuli, bisa daftar?" got
    # after_registering, whose answer writes; "festival film tuli" got biff_apm).
    "tuli": "tunarungu",
    # A script sent as a PDF is a file (as "mp4" is a video file).
    "pdf": "file",
    # Hangul in the Indonesian of a student living in Korea: Seoul, Busan, Korea, registering
    # (등록), English (영어), Korean the language (한국어: no entry's, see PHRASES), KOCCA by its
    # Korean names (콘진원, 한국콘텐츠진흥원); 혹시 (by any chance) and 진짜 (really) ask nothing,
    # a department (학과) says who asks.
    "서울": "seoul",
    "부산": "busan",
    "한국": "korea",
    "등록": "daftar",
    "영어": "english",
    "한국어": "bahasakorea",
    "콘진원": "kocca",
    "한국콘텐츠진흥원": "kocca",
    # Careful English: a payment is paying.
    "payment": "pay",
    # A vacancy is a job ("loker", lowongan kerja), which no entry offers: not an open call.
    "lowongan": "loker",
    "lowker": "loker",
    # An office job ("kerja kantoran", "orang kantoran") is a job too, not KOCCA's office.
    "kantoran": "kerjakantoran",
    # Chat typed almost without vowels ("sy mw tny ttg prgrm", "dftr dsn byr gk"): its common
    # words written out, as "dftr", "kpn", "skrg" are.
    "tny": "tanya",
    "prgrm": "program",
    "progrm": "program",
    "dsn": "disini",
    "dsni": "disini",
    "byr": "bayar",
    "stlh": "setelah",
    "sblm": "sebelum",
    "hrs": "harus",
    "prlu": "perlu",
    "syrt": "syarat",
    "dhbngi": "dihubungi",
    "dhubungi": "dihubungi",
    "hbngi": "hubungi",
    "crny": "caranya",
    "crnya": "caranya",
    "krm": "kirim",
    "vdeo": "video",
    "vdo": "video",
    "krya": "karya",
    "gnti": "ganti",
    "dta": "data",
    "hps": "hapus",
    "lnk": "link",
    "opn": "open",
    "cll": "call",
    "pnls": "penulis",
    "skrp": "skrip",
    "skrip": "script",
    "pngmbngn": "pengembangan",
    "tkt": "tiket",
    "knsr": "konser",
    "gtr": "gitar",
    "bkas": "bekas",
    "bbrp": "beberapa",
    "th": "tahun",
    # Film crews' English: years, something, a password, a production company.
    "yrs": "years",
    "yr": "year",
    "smth": "something",
    "sth": "something",
    "pw": "password",
    "prodco": "production company",
    # Adding a link is "tambah" ("mau nambah link karya").
    "nambah": "tambah",
    "nambahin": "tambah",
    # Sasak's "nu" (itu) and "-ne" ("sebenarne").
    "nu": "itu",
    "endek": "tidak",  # Sasak (session 47: "kami endek punya video di youtube")
    "tabea": "tabe",  # Buton's and Muna's greeting (session 47: "tabea, sa penyanyi kabanti")
    "sebenarne": "sebenarnya",
    # A formal letter's "mekanisme" is how something is done; "kriteria" its requirements.
    "mekanisme": "cara",
    "kriteria": "syarat",
    # Bengkulu Malay's -o, as Palembang's and Jambi's: siko (sini), berapo (berapa), biayo
    # (biaya: "biayonyo").
    "siko": "sini",
    "berapo": "berapa",
    "biayo": "biaya",
    # Osing (Banyuwangi): isun (saya), nong (di), kadhung (kalau), kelendi (bagaimana), paran
    # (apa), dienggo (dipakai), uwong (orang); "riko" (kamu) is above, with its thanks; its
    # "sing" (tidak) is Dermayon's "yang": either asks nothing; its particle "tah" neither.
    "isun": "saya",
    "nong": "di",
    "kadhung": "kalau",
    "kadung": "kalau",
    "kelendi": "bagaimana",
    "paran": "apa",
    "dienggo": "dipakai",
    "uwong": "orang",
    # Singkawang Hakka in Indonesian chat: ngai (saya), ngi (kamu); its "oi" (mau) asks nothing.
    "ngai": "saya",
    "ngi": "kamu",
    # Jakarta's prokem of the 1980s: ogut (gue).
    "ogut": "gue",
    # "batasan" is "batas" (the English rules make "batas" bata, and "batasan" batas, which
    # was read as a typo of "bahasa": "ada batasan umur?" was about the bot's language).
    "batasan": "batas",
    # Session 43c's voices. Bima (Mbojo) words in Indonesian chat: nahu (saya), ndai (kami),
    # au (apa), ede (itu), wati (tidak: it was read as a typo of "wali", a guardian), lao
    # (pergi).
    "nahu": "saya",
    "ndai": "kami",
    "au": "apa",
    "ede": "itu",
    "wati": "tidak",
    "lao": "pergi",
    # Riau Islands Malay (Batam, Tanjungpinang): its -e for -a (tanye, bahase, terime:
    # "terime kasih" thanks), betol (betul), je (saja), ye (ya); its "awak" (you, or Minang's
    # I: it was read as a typo of "anak", a child) is a stopword.
    "tanye": "tanya",
    "bahase": "bahasa",
    "terime": "terima",
    "betol": "benar",
    "je": "saja",
    "ye": "ya",
    # Romanized Japanese in an Indonesian's chat in Japan: sumimasen (permisi), nani (apa),
    # eiga (film), ongaku (musik), touroku (daftar); its "tte" and "chotto" ask nothing.
    "sumimasen": "permisi",
    "nani": "apa",
    "eiga": "film",
    "ongaku": "musik",
    "touroku": "daftar",
    # "takut" (afraid) asks nothing by itself (it was open_call_now's, from "takut telat
    # submit": "data kite ... takut disalahgune" leaned to the open call).
    # A formal letter's words (session 43c's film-score composer): "keikutsertaan" is ikut
    # (taking part); "mengingat" (considering), "terlibat" (involved) and "termasuk" (counts
    # as, including) ask nothing. "pemilik" (an owner) is who_runs' word ("pemilik talent desk
    # siapa"), not "punya".
    "keikutsertaan": "ikut",
    # Chat's "gapunya" (don't have, one word: session 51's "gw gapunya manajer bs daftar ga"
    # counted it as an unknown word against every entry).
    "gapunya": "tidak punya",
    "gakpunya": "tidak punya",
    # Chat's "gpp" (gapapa: is it all right), and written out in one word (a talents' review,
    # s59: "akun ini dipake berdua gapapa ya?" counted it against every entry).
    "gpp": "tidak apa apa",
    # Chat's "qs" (questions: "hi! quick qs", a talents' review s64, L2, got "no answer").
    "qs": "questions",
    "videoklip": "videomusik",
    # "daftra": the two last letters of "daftar" swapped, typed in a hurry ("MAU DAFTRA": a
    # talents' review s64, M3); the wish to register reads words as written, no typo.
    "daftra": "daftar",
    # Hacked ("akun youtube aku kena hack") is no entry's: "hack" was read as a typo of "back".
    "hack": "diretas",
    "dihack": "diretas",
    "kehack": "diretas",
    "hacked": "diretas",
    "gapapa": "tidak apa apa",
    "gakpapa": "tidak apa apa",
    "nggakpapa": "tidak apa apa",
    # Session 44's voices. Pinyin in an Indonesian's chat in Taiwan: wo (saya),
    # meiyou (tidak ada), baoming (daftar), and 報名 (daftar) as written.
    "wo": "saya",
    "meiyou": "tidak ada",
    "baoming": "daftar",
    "報名": "daftar",
    # Chat's "tmn" (teman); Makassar and Mandar Malay's "kasi" (kasih: "mau kasi liat").
    "tmn": "teman",
    "kasi": "kasih",
    # Session 44b's voices. Jogja ngoko: ra (tidak), nduwe (punya), digowo and Cirebonan's
    # digawa (dibawa), cobo (coba), sik (dulu); Cirebonan's bli (tidak; Balinese's "bli"
    # calls an elder brother) asks nothing; dab (Jogja's walikan for "mas") and lur (sedulur)
    # call someone, like "kang" (GREETINGS); "ndi" is mana ("neng ndi": di mana), and asks
    # nothing either as Makassar Malay's "ndi" (andi: calling a younger one). Not "jowo"
    # (jawa) nor "ngowahi" (ganti): they gained nothing, and answered "lagu jowo sing enak
    # opo dab" (music page) and "cara ngowahi video dadi mp3 piye" (showreel_links) directly.
    "ra": "tidak",
    "nduwe": "punya",
    "digowo": "dibawa",
    "digawa": "dibawa",
    "cobo": "coba",
    "sik": "dulu",
    "ndi": "mana",
    # Session 45's voices. Tegal/Brebes Javanese (Ngapak, as Banyumas's above): gawe and
    # nggawe (bikin: "gawe" was read as a typo of "game"), sekang (dari), batir (teman),
    # wingi (kemarin), kae (itu), njaluk (minta, as Dermayon's "jaluk"), ngomongna (dibahas:
    # "ngomongna apa bae", what was said), botmu (bot kamu); its "metu" (keluar: "metu basa
    # Inggris", comes out in English) asks nothing; nor does Palu Malay's particle "le"
    # ("bulan berapa le biasanya").
    "gawe": "bikin",
    "nggawe": "bikin",
    "sekang": "dari",
    "batir": "teman",
    "wingi": "kemarin",
    "kae": "itu",
    "njaluk": "minta",
    "ngomongna": "dibahas",
    "botmu": "bot mu",
    # Session 50's voices. Minang: ambo (saya), indak (tidak), sajo (saja), nan (yang), untuak
    # (untuk), inyo (dia: read as a typo of "info"), bilo (kapan), dapek (dapat), alah (sudah:
    # read as a typo of "arah"), baa (bagaimana: "baa caronyo"), lai (apakah: "lai bisa"),
    # pamain (pemain), maliek (melihat), pandamping (pendamping), baraja (belajar), mudo (muda),
    # umua (umur); its ma- on a known stem is written out as Banjar's above (mandaftar,
    # mangirim). Krama: menika (ini: its "-ika" was an unknown word), sinten (siapa), mangertos
    # (mengerti), kepengker (lalu), ananging (tapi), lepat (salah: read as a typo of "lewat"),
    # gantos (ganti, as "nggantos"), leres (benar), cetha (jelas), sedaya (semua), dados (jadi);
    # not ngaken (claims) nor chat's ngaku: written as "bilang" they answered the probe "ada
    # orang ngaku kurir minta transfer uang, asli ga?" with who_runs. Malang's walikan: ayas
    # (saya: read as a typo), ebes (a parent, who asks), ngalam (malang), sam (mas: calls
    # someone, as Jogja's "dab" does), ker and kera (rek, arek: "kera ngalam", a Malang kid);
    # chat's "digarap" (bikin, as "garap"); typing's "ngetik" (ketik); film English's "prod"
    # (production: "prod company"); Malang's "digawe" (dipakai: "dataku digawe opo"); and
    # Javanese ngoko's enek (ada), gurung (durung: belum), dhewe (sendiri), enom (muda), luwih
    # (lebih).
    "ambo": "saya",
    "indak": "tidak",
    "sajo": "saja",
    "nan": "yang",
    "untuak": "untuk",
    "inyo": "dia",
    "bilo": "kapan",
    "dapek": "dapat",
    "alah": "sudah",
    "baa": "bagaimana",
    "lai": "apakah",
    "pamain": "pemain",
    "maliek": "melihat",
    "pandamping": "pendamping",
    "baraja": "belajar",
    "mudo": "muda",
    "umua": "umur",
    "menika": "ini",
    "sinten": "siapa",
    "mangertos": "mengerti",
    "kepengker": "lalu",
    "ananging": "tapi",
    "lepat": "salah",
    "gantos": "ganti",
    "leres": "benar",
    "cetha": "jelas",
    "sedaya": "semua",
    "dados": "jadi",
    "ayas": "saya",
    "ebes": "ortu",
    "ngalam": "malang",
    "sam": "mas",
    "ngetik": "ketik",
    "prod": "production",
    "digawe": "dipakai",
    "ker": "rek",
    "kera": "arek",
    "digarap": "bikin",
    "enek": "ada",
    "gurung": "belum",
    "dhewe": "sendiri",
    "enom": "muda",
    "luwih": "lebih",
}

# Words that ask together what none of them asks alone, written as the word an entry has,
# after SHORT_FORMS: "pendaftaran saya sampai mana?" asks for its status, though "sampai" and
# "mana" are stopwords (and "sampe di mana" is written out to "sampai di mana"). A value may
# be several words, as in SHORT_FORMS ("ppdb spmb").
PHRASES: dict[tuple[str, ...], str] = {
    # Registering at a school is school admission (its two names, PPDB and SPMB: no entry's
    # words), not registering here: session 46's "daftar sekolah negeri kapan" got
    # who_can_apply directly (its "anak sekolah boleh daftar": a pupil may register), and
    # "pendaftaran sekolah sudah buka belum, takut terlambat" open_call_now.
    **{
        (registering, school): "ppdb spmb"
        for registering in ("daftar", "mendaftar", "pendaftaran", "daftarin", "daftarkan")
        for school in ("sekolah", "sd", "smp", "sma", "smk")
    },
    # Registering a child ("mendaftarkan anak saya") is what a parent or guardian does: the
    # parents' entry (session 46's second talents' review: a mother's "Bagaimana cara
    # mendaftarkan anak saya?" got who_can_apply directly, its "anak sekolah boleh daftar").
    **{
        (registering, child): "daftar anak ortu"
        for registering in ("mendaftarkan", "daftarkan", "daftarin", "didaftarkan", "didaftarin")
        for child in ("anak", "anakku", "anaknya")
    },
    # A child's age ("umur anak saya salah ditulis, dia masih 16 tahun") is what a parent
    # corrects: the parents' entry's "usia anak" (a talents' review s62, H3: a mother got
    # who_can_apply's "Mau mulai? Ketik /daftar"); not "anak umur 15", a child's age told.
    **{
        (age, child): "usia anak"
        for age in ("umur", "umurnya")
        for child in ("anak", "anakku", "anaknya")
    },
    # "Me or my child?" is a parent's question, whose turn something is (session 47's "kalo
    # sudah daftar yg dihubungi saya atau anaknya?" got who_can_apply directly, its "anak
    # sekolah boleh daftar"): the parents' entry says to whom the team writes.
    **{
        phrase: "ortu atau anak"
        for me in ("saya", "aku", "sy", "gw", "gue")
        for child in ("anak", "anakku", "anaknya")
        for phrase in ((me, "atau", child), (child, "atau", me))
    },
    # Whose age or name to write ("umurnya siapa yang ditulis?", "nama siapa yang harus saya
    # isi?") asks about the form's own question, which no entry answers (the form says it
    # there): session 46's second talents' review got my_data directly for the first.
    **{
        (field, whose): "isianformulir"
        for field in ("umur", "umurnya", "usia", "usianya", "nama", "namanya")
        for whose in ("siapa", "sapa")
    },
    # What the talent asked, said back ("not what I asked"), asks nothing new: not "ask" a
    # person (ask_human) nor who runs the bot (session 46's second talents' review: "hmm not
    # really what I asked" got who_runs first), as "bukan itu yang saya tanya" is a nudge.
    **{("what", "i", asked): "what" for asked in ("asked", "ask", "meant", "mean")},
    # A line producer is a producer (a film crew's role): not "line" (the chat app) counted
    # against every entry (session 46's "Hi, line producer here (feature films, Jakarta).
    # Quick q: KOFIC incentive itu rebate nya berapa persen & min spend nya berapa?").
    ("line", "producer"): "producer",
    ("line", "produser"): "produser",
    # Working with an idol is working with an artist ("kolab karo idol kpop iso gak", "bisa
    # kolaborasi sama artis K-pop?"), not becoming one (a talents' review s62, M3: the
    # audition page's "Tidak." answered the first, "Apa itu KOCCA?" the second).
    **{
        (together, alongside, *article, *kpop, idol): f"{together} {alongside} artis"
        for together in ("kolaborasi", "collab", "collaborate")
        for alongside in ("sama", "dengan", "with")
        for article in ((), ("a",), ("an",))
        for kpop in ((), ("kpop",), ("k", "pop"))
        for idol in ("idol", "idols")
    },
    # A choir ("paduan suara") is one word, who asks (ABOUT_TALENT): "paduan" stems to "padu",
    # coproduction's "perpaduan naskah korea" (session 47's review: "apakah paduan suara bisa
    # ikut?" got coproduction directly).
    ("paduan", "suara"): "paduansuara",
    # A big choir is a choir, still who asks ("Apakah paduan suara besar bisa ikut?": a
    # talents' review s62, L3, got showreel_links' "terlalu besar" directly).
    ("paduan", "suara", "besar"): "paduansuara",
    ("choir", "besar"): "choir",
    # A video of a show is a performance video (what_to_prepare's "video penampilan
    # langsung"): "pentas" and "pertunjukan" stem to words no entry has, so session 46's
    # Malay "kalau nak daftar, kene siapkan ape je? foto grup, video pentas ke?" was only
    # suggested, where "video manggung" is answered.
    ("video", "pentas"): "video penampilan",
    ("video", "pertunjukan"): "video penampilan",
    # Erasing one detail ("hapus nomor HP aku aja", "apus emailku") is the one-detail entry's
    # ("sebagian", a part), not my_data's erasure of everything (session 55's talents'
    # review: "bisa hapus nomor HP aku aja ga?" got my_data, whose only erasure is all).
    **{
        (erasing, detail): f"{erasing} sebagian {detail}"
        for erasing in ("hapus", "apus", "hapusin", "apusin", "menghapus", "dihapus")
        for detail in ("nomor", "nomer", "no", "handphone", "whatsapp", "email", "emailku")
    },
    **{
        (*erasing, detail): f"{' '.join(erasing)} sebagian {detail}"
        for verb in ("delete", "remove", "erase")
        for erasing in ((verb,), (verb, "my"))
        for detail in ("phone", "number", "email", "link")
    },
    # What the bot is for ("bot ini untuk apa?", "what is this bot for?"): its purpose, the
    # about_bot entry's "fungsi"; "untuk", "buat" and "for" are stopwords, which left "bot"
    # alone, ask_human's word ("kamu bot ya"): session 58's talents' review got "Can I ask a
    # real person?" as the answer.
    **{
        (*bot, purpose, "apa"): "bot fungsi"
        for bot in (("bot",), ("bot", "ini"), ("botnya",))
        for purpose in ("untuk", "buat", "utk", "bwt")
    },
    **{(*bot, "for"): "bot fungsi" for bot in (("bot",), ("bot", "used"), ("bot", "is"))},
    # Without "untuk"/"for" (session 58's re-check: "ini bot apa?", "bot apa ini?", "ini bot
    # buat apaan", "what is this bot?", "what does this bot do?" got "Can I ask a real
    # person?"); "bot apa orang" (a bot or a person) and "is this a bot" still ask that.
    **{(*bot, what): "bot fungsi" for bot in (("bot",), ("botnya",)) for what in ("apa", "apaan")},
    **{
        (bot, purpose, "apaan"): "bot fungsi"
        for bot in ("bot", "botnya")
        for purpose in ("untuk", "buat")
    },
    **{
        ("bot", "apa", person): f"bot atau {person}"
        for person in ("orang", "manusia", "bukan", "beneran", "asli", "admin", "robot")
    },
    **{
        (*asked, this, "bot"): "bot fungsi"
        for asked in (("what", "is"), ("what", "s"), ("whats",), ("what", "does"), ("what", "can"))
        for this in ("this", "the", "your")
    },
    # Paying one's own way or being paid for, in chat ("ke korea bayar sendiri atau
    # dibayarin?"): travel_costs' "biaya sendiri atau dibiayai"; "bayar" alone stays what
    # registering costs (session 58's talents' review: the whole question got "not sure").
    **{
        ("bayar", "sendiri", "atau", paid): "biaya sendiri atau dibiayai"
        for paid in ("dibayarin", "dibayari", "dibayarkan", "dibiayain", "dibiayai")
    },
    # A plane ticket is the flight (travel_costs': "lek budal nang korea tiket pesawat e sopo
    # sing mbayar?", session 59); a ticket alone ("tiket nonton", "tiket konser") is no entry's.
    **{("tiket", plane): "pesawat" for plane in ("pesawat", "pesawatnya", "pswt")},
    **{
        (plane, ticket): "flight"
        for plane in ("plane", "flight")
        for ticket in ("ticket", "tickets")
    },
    ("sampai", "mana"): "status",
    ("sampai", "di", "mana"): "status",
    ("sejauh", "mana"): "status",
    ("terima", "kasih"): "terimakasih",  # a letter's closing thanks: not "terima" (receive)
    ("atas", "perhatian"): "perhatian",  # nor "atas" ("daftar atas nama pribadi")
    ("atas", "perhatiannya"): "perhatian",
    ("saat", "ini"): "sekarang",
    ("pihak", "tuan"): "anda",  # Malaysian Malay's polite "you"
    # "Pihak" (a side, a party) asks nothing alone ("pihak Korea atau pihak Indonesia": session
    # 51's question on who bears a co-production's costs got my_data first, for its "pihak
    # ketiga"); a third party is still my_data's.
    ("pihak", "ketiga"): "pihakketiga",
    # Office work ("kerja kantoran") is a job, twice over: its "kerja" is not cooperation's
    # ("kerja sama"), and once entries were added (session 52) "cari kerja kantoran di rumah
    # produksi jakarta" was answered with the production-house entry.
    ("kerja", "kerjakantoran"): "loker kerjakantoran",
    # Cash back is the rebate ("cashback"): its "back" made KOFIC's page the other answer under
    # "when will I hear back?" (session 51's review).
    ("cash", "back"): "cashback",
    # Electronic mail is email ("surat elektronik"; session 52's second review: "Apakah saya
    # akan dihubungi melalui telepon atau surat elektronik?" got "not sure", its "surat" and
    # "elektronik" no entry's words).
    ("surat", "elektronik"): "email",
    # "One more thing" only leads into the question: its "more" was ask_human's ("more
    # questions"), and "Thanks, one more thing: do you also need my showreel?" got "Can I ask a
    # real person?" directly (session 52's second review).
    ("one", "more", "thing"): "",
    # So does "tell me more", "more about": "Tell me more about the co-production talks" got
    # "Can I ask a real person?" for its "more" and "talk" (a review, session 59).
    ("tell", "me", "more"): "",
    ("tell", "us", "more"): "",
    ("more", "about"): "",
    # "Based in" is where a talent is, as "di" is ("aku editor film di Medan"): "I'm a
    # documentary director based in Bali" read "bali" as a typo of "wali" (guardian), and the
    # parents' entry was offered under the funding answer (session 52's second review).
    ("based", "in"): "based di",
    # Which of two genres one's music is ("keroncong itu termasuk musik tradisional atau pop?")
    # asks which to register with, and any may be (session 52's second review: the music
    # program's page answered it); a genre asked about alone ("dangdut termasuk musik asli
    # indonesia?") is still trivia, no entry's.
    **{
        ("termasuk", *music, first, "atau", *again, second): f"{first} {second} genre"
        for first, second in itertools.permutations(
            ("pop", "tradisional", "tradisi", "dangdut", "keroncong", "jazz", "rock"), 2
        )
        for music in ((), ("musik",), ("lagu",))
        for again in ((), ("musik",))
    },
    # So is whether it counts as traditional music ("Apakah keroncong termasuk musik
    # tradisional?", the same talent's second wording: the programs list answered it).
    **{
        ("termasuk", *music, traditional): f"{traditional} genre"
        for music in ((), ("musik",), ("lagu",))
        for traditional in ("tradisional", "tradisi")
    },
    # "Salah satu" is "one of", not a mistake ("salah isi formulir"): session 44b's "kami ga punya
    # manager, yg daftar boleh salah satu personel aja kan" was answered with after_registering
    # (how to fix a wrong answer) once entries grew (session 52's second round).
    ("salah", "satu"): "satu",
    ("salah", "satunya"): "satu",
    # Needing a manager to register asks whether one may register without one ("gue perlu
    # manajer gak buat daftar", session 52's second review); a manager wanted is no entry's.
    **{
        (*need, manager, *asked): "tidak punya"
        for need, asked in (
            (("perlu",), ("ga",)),
            (("perlu",), ("tidak",)),
            (("butuh",), ("tidak",)),
            (("harus", "punya"), ()),
            (("wajib", "punya"), ()),
        )
        for manager in ("manajer", "manager")
    },
    # Receiving news is getting it: "terima info program" ("terima" stems to nothing an entry
    # has, and counted against the question).
    # Being paid to perform is a fee ("di bayar gak kalo tampil disana?", session 60's review
    # M2: read as paying to register); paying stays paying ("daftarnya bayar?").
    ("di", "bayar"): "honor",
    ("get", "paid"): "honor",
    ("be", "paid"): "honor",
    ("terima", "info"): "info",
    ("mohon", "informasi"): "mohon",
    ("mohon", "info"): "mohon",
    ("terima", "berita"): "berita",
    ("terima", "kabar"): "kabar",
    # A letter's "Bapak/Ibu pengelola" is whom it greets, not who runs the bot (session 46's
    # "Selamat siang Bapak/Ibu pengelola. Semoga sehat selalu." got suggestions).
    ("bapak", "ibu", "dikelola"): "bapak",
    ("ibu", "bapak", "dikelola"): "bapak",
    # A letter's well-wish: "semoga senantiasa dalam keadaan sehat", "dalam lindungan-Nya",
    # "sehat walafiat" (session 49's long formal salam got nothing: each an unknown word).
    ("dalam", "keadaan"): "sehat",
    ("keadaan", "sehat"): "sehat",
    ("dalam", "lindungan"): "sehat",
    ("sehat", "walafiat"): "sehat",
    ("tampi", "asih"): "terimakasih",  # Sasak thanks, written apart
    ("sembah", "nuwun"): "terimakasih",  # Osing (Banyuwangi) thanks
    # "masuk itungan" (counts as) is "termasuk", which asks nothing (e7e1280).
    ("masuk", "itungan"): "termasuk",
    ("masuk", "hitungan"): "termasuk",
    # So is "masuk kategori", and English "count as" (session 47: "casting director masuk
    # kategori filmmaker ga sih", "does that count as filmmaker here?").
    ("masuk", "kategori"): "termasuk",
    # ... asked with a "no" between: "masuk ndak hitungan musisi di sini?" (session 47).
    ("masuk", "tidak", "hitungan"): "termasuk tidak",
    ("masuk", "tidak", "itungan"): "termasuk tidak",
    ("masuk", "tidak", "kategori"): "termasuk tidak",
    ("count", "as"): "termasuk",
    ("pembaca", "layar"): "pembacalayar",  # a screen reader: not "layar" as "bayar"
    ("screen", "reader"): "screenreader",
    ("kursi", "roda"): "kursiroda",  # a wheelchair: how the talent moves, as a screen reader
    ("pengguna", "kursiroda"): "kursiroda",
    ("to", "sia"): "terimakasih",  # Hakka thanks (Singkawang), as Hokkien's "kamsia"
    ("kurre", "sumanga"): "terimakasih",  # Toraja thanks ("kurre sumanga'")
    # A real name is the form's (its name question), not a genuine bot ("bot ini asli atau
    # abal abal": who_runs): session 46's "emang harus nama asli ya? gw biasa pake nama
    # panggung", typed at the stage name, got who_runs directly.
    # Whether one's registration arrived is one's status: "terdaftar" alone stems to
    # "daftar" (who_can_apply's), and session 46's "udah terdaftar belum ya?", typed after
    # registering, got how to register.
    # Only asked so: "email saya sudah terdaftar di google" is not their registration.
    **{
        phrase: "status"
        for done in ("sudah", "udah", "udh", "sdh", "dah")
        for phrase in (
            (done, "terdaftar", "belum"),
            *(
                (asking, who, done, "terdaftar")
                for asking in ("apakah", "apa")
                for who in ("saya", "aku", "sy", "gue", "gw", "kami")
            ),
        )
    },
    ("am", "i", "registered"): "status",
    # A music video is one thing, neither film nor music alone ("I direct music videos. Is
    # that film or music here?": a talents' review s64, L5, got how to send work directly).
    **{
        phrase: "videomusik"
        for phrase in (
            ("music", "video"),
            ("music", "videos"),
            ("video", "musik"),
            ("video", "klip"),
            ("video", "clip"),
        )
    },
    # Whether it was sent, in the bot's own word ("pendaftaran terkirim"): "sudah terkirim
    # belum?", "pendaftaran saya sudah terkirim?" (a talents' review s64, M1, got
    # what_to_prepare directly, from a talent who had just sent one).
    **{
        phrase: "status"
        for done in ("sudah", "udah", "udh", "sdh", "dah")
        for sent in ("terkirim", "kekirim")
        for phrase in ((done, sent, "belum"), ("pendaftaran", "saya", done, sent))
    },
    # ... and "saya sudah daftar atau belum?", Papuan "sa su daftar ka belum?" (a talents'
    # review s63, L1: who_can_apply, eight paragraphs, the status last): "daftar" with a word
    # for done before it and "not yet" after it asks whether it was done.
    **{
        (done, registered, *between, "belum"): "status"
        for done in ("sudah", "udah", "udh", "sdh", "dah")
        for registered in ("daftar", "terdaftar", "mendaftar")
        for between in ((), ("atau",), ("ato",), ("ka",), ("kah",), ("apa",))
    },
    ("nama", "asli"): "namaasli",
    ("real", "name"): "namaasli",
    ("baru", "dengar"): "dengar",  # "just heard of it": not new programs (announcements)
    ("baru", "tahu"): "tahu",
    ("salam", "budaya"): "salam",  # artists' greeting ("salam budaya 🙏"): not culture asked about
    ("post", "production"): "postproduction",  # a crew's line of work: not "cost"
    ("orgen", "tunggal"): "orgen",  # a one-man keyboard act: not "tanggal" (a date)
    ("organ", "tunggal"): "orgen",
    ("sak", "jane"): "sebenarnya",  # East Javanese, written apart
    ("co", "o"): "bagaimana",  # Manggarai's "co'o" (how): not the "co" of "co-production"
    # Where the talent heard of it, not what they ask ("lon ban deungo di berita", "I just
    # heard it in the news", is not "berita kocca januari"): like "katanya", "konon".
    ("dengar", "di", "berita"): "dengar",
    ("dengar", "dari", "berita"): "dengar",
    ("lihat", "di", "berita"): "lihat",
    # Who said so ("kata tetangga ada programnya", session 45's grandmother), like "katanya":
    # "kata" was read as a typo of "data" (my_data's), and the neighbour counted against all.
    **{("kata", who): "katanya" for who in ("tetangga", "orang", "teman", "saudara", "guru")},
    # Korean, the language, is no entry's (a word counting against them all): not the bot's
    # own language setting ("harus bisa bahasa korea ga?" got how to change it) nor asking
    # a person ("perlu bisa ngomong korea", "ngomong" written out as "bicara", got ask_human).
    # Cooperation is one word: its "kerja" alone is work ("cari kerja di korea", a job, got
    # the co-production page).
    ("kerja", "sama"): "kerjasama",
    # Coming to a place is visiting it ("datang"): "come" alone was only the answers' idioms
    # ("the questions come one at a time", news that "comes to the chat": parents), and "do
    # parents need to come to korea" got parents, which is about consent, not travel.
    ("come", "to"): "datang",
    # What must be paid is a cost ("biaya yg hrs dibayar"), where "dibayar" alone is being
    # paid (SHORT_FORMS); so is getting money for it ("dapat duit kalo tampil?").
    **{(must, "honor"): "bayar" for must in ("harus", "perlu", "wajib", "mesti")},
    # ... and so is registering paid ("daftarnya dibayar ga?": a second attacker's review).
    **{
        (registering, "honor"): "bayar"
        for registering in (
            "daftar",
            "daftarnya",
            "pendaftaran",
            "pendaftarannya",
            "formulir",
            "formulirnya",
        )
    },
    **{("dapat", money): "honor" for money in ("duit", "duitnya", "uang", "uangnya")},
    # Who pays for going (Korea paying, "who pays?") is what a program covers, which no entry
    # says, not what registering costs: "korea bayar ga" and "how much does the trip to Korea
    # cost and who pays?" got who_can_apply's "registering here is free" directly (session 51's
    # talents' review), read as "the trip is free".
    ("korea", "bayar"): "honor",
    ("korea", "bayarin"): "honor",
    # Who pays is who covers a cost: travel_costs' "siapa yang menanggungnya" (session 59's
    # "lek budal nang korea tiket pesawat e sopo sing mbayar?" got "no answer"); a fee
    # ("honornya berapa") is still no entry's.
    ("siapa", "yang", "bayar"): "ditanggung",
    ("siapa", "bayar"): "ditanggung",
    ("who", "pays"): "ditanggung",
    ("who", "pay"): "ditanggung",
    ("who", "covers"): "ditanggung",
    # Meeting the requirements is the requirements ("masih memenuhi syarat?": session 45's
    # review): "memenuhi" stems to "penuh", no entry's, and counted against them all.
    ("memenuhi", "syarat"): "syarat",
    ("memenuhi", "persyaratan"): "persyaratan",
    # Locked with a password is the password ("filmnya sy kunci pakai password di vimeo":
    # session 45's review): "kunci" is no entry's word, and counted against them all.
    **{
        (lock, *by, "password"): "password"
        for lock in ("kunci", "dikunci")
        for by in ((), ("pakai",), ("dengan",), ("pake",))
    },
    # Not fiction is a documentary ("sy bikin dokumenter ji, bukan fiksi": session 45's
    # review): its "fiksi" was the word of ACF's "dokumenter atau fiksi", as if asked.
    # Non-fiction books are reading, not a documentary film ("nonfiction books about korea", a
    # near-miss probe, got music_to_korea once the APM page named documentary too).
    **{
        (nonfiction, book): "bukunonfiksi"  # "nonfiction" is already "documentary" (SHORT_FORMS)
        for nonfiction in ("documentary", "dokumenter")
        for book in ("book", "books", "buku")
    },
    ("bukan", "fiksi"): "dokumenter",
    ("non", "fiksi"): "dokumenter",
    ("not", "fiction"): "documentary",
    ("non", "fiction"): "documentary",
    # Not having a manager asks nothing but whether one may register ("gw gapunya manajer bs
    # daftar ga": session 51's review got no answer, "manajer" an unknown word); a manager
    # wanted ("how do i get a manager for my band") is still no entry's. Chat's "ga punya" too
    # (session 44b's "kami ga punya manager, yg daftar boleh salah satu personel aja kan").
    **{
        (*no, manager): "tidak punya"
        for no in (
            *((not_, "punya") for not_ in ("tidak", "belum", "ga", "gak", "nggak", "ngga", "gk")),
            ("tanpa",),
            ("no",),
            ("without", "a"),
        )
        for manager in ("manajer", "manager", "management")
    },
    # Not singing says who the talent is, not what they ask ("klo beatmaker ji, tdk nyanyi, bisa
    # ji daftar kah?": session 52's third review): its "nyanyi" was the singers' phrasings of
    # open_call_now and programs_overview, over who_can_apply's "beatmaker bisa daftar".
    **{
        (not_, sing): ""
        for not_ in ("tidak", "tak", "ga", "gak", "nggak", "ngga", "gk", "bukan", "nda", "ndak")
        for sing in ("menyanyi", "bernyanyi", "nyanyi")
    },
    # What was mentioned earlier points back, and asks nothing ("aturan APM yang disebutkan tadi
    # masih berlaku?": session 52's third review): "sebut" counted against every entry.
    **{
        phrase: ""
        for mentioned in ("disebutkan", "disebut", "tersebutkan")
        for phrase in (("yang", mentioned), (mentioned, "tadi"), ("yang", mentioned, "tadi"))
    },
    ("bahasa", "isyarat"): "bahasaisyarat",  # sign language: not "syarat", requirements
    ("bahasa", "korea"): "bahasakorea",
    # Thanks for the help ("terima kasih untuk bantuan anda", "atas bantuannya") is thanks, and
    # a wish for the day after it ("semoga hari anda baik", "semoga harimu menyenangkan",
    # "have a nice day") a well-wish (GREETINGS' "semoga"): session 50's "Terima kasih banyak
    # untuk bantuan anda. Semoga hari anda baik." got suggestions ("bantuan" is film funding's
    # help, "hari" a day an open call has), and its first sentence alone film_funding directly.
    ("untuk", "bantuan"): "bantuannya",
    ("atas", "bantuan"): "bantuannya",
    ("for", "your", "help"): "bantuannya",
    ("semoga", "hari"): "semoga",
    ("semoga", "harimu"): "semoga",
    ("semoga", "hari", "anda", "menyenangkan"): "semoga",
    ("semoga", "harimu", "menyenangkan"): "semoga",
    ("semoga", "hari", "anda", "baik"): "semoga",
    **{
        ("have", "a", nice, "day"): "semoga"
        for nice in ("nice", "good", "great", "lovely", "wonderful")
    },
    # A regional language the bot might speak or read ("bisa boso Jowo?", "pakai bahasa Sunda",
    # "do you speak Javanese?") is a regional language, language's (session 50's "bot iki iso
    # boso Jowo ta?" went unanswered: "jowo" was an unknown word); only after a word of speaking
    # or using it: "lagu jowo" is still a song, "kursus bahasa jawa" a course.
    **{
        (verb, "bahasa", regional): f"{verb} bahasa daerah"
        for verb in (
            *("bisa", "pakai", "pake", "tahu", "mengerti", "paham", "ngomong", "bicara"),
            *("ketik", "ngetik", "nulis", "tulis", "jawab", "balas"),
        )
        for regional in ("jawa", "jowo", "sunda", "minang", "bali", "batak", "bugis", "madura")
    },
    **{
        ("speak", regional): "speak regional language"
        for regional in ("javanese", "sundanese", "balinese", "minang", "batak", "bugis")
    },
    # An Australian "g'day" is a greeting, not a day (session 50).
    ("tidak", "day"): "halo",  # its "g" is chat's "ga" first
    # Not a machine is not the bot ("mau tanya ke orang, bukan mesin": session 50): a person,
    # ask_human's, as "bukan robot" is; a machine alone ("mesin cuci") is still no entry's.
    ("bukan", "mesin"): "bukan robot",
    ("not", "a", "machine"): "not a robot",
    # January in film English's short form, after "in" or "last" (session 50's "some govt
    # meeting in jan"); "jan" alone is also chat's "jangan" ("jan lupa").
    ("in", "jan"): "in january",
    ("last", "jan"): "last january",
    # Singing, rapping, writing in Korean is the language too ("do I have to sing in Korean?"
    # got what_is_kocca: "sing" is written out as Dermayon's "yang" first).
    **{
        (verb, "in", "korean"): "bahasakorea"
        for verb in ("yang", "singing", "rap", "rapping", "write", "writing", "lyrics", "songs")
    },
    ("bicara", "korea"): "bahasakorea",
    ("speak", "korean"): "bahasakorea",
    ("korean", "language"): "bahasakorea",
    # Learning Korean (lessons, a course) is no entry's: once an entry said whether the programs
    # ask for Korean (session 52), "belajar bahasa korea dmn" got it directly.
    **{
        (learn, "bahasa", "korea"): "kursusbahasakorea"
        for learn in ("belajar", "les", "kursus", "kelas", "ngajarin", "mengajar")
    },
    **{(learn, "korean"): "kursusbahasakorea" for learn in ("learn", "learning", "study")},
    # An au pair (a job abroad) is no entry's: Bima's "au" is apa, and "pair" was read as a
    # typo of "fair" (MU:CON's), so "au pair ke korea gimana caranya" got MU:CON directly.
    ("apa", "pair"): "aupair",
    # Taking part in an audition is the audition, not joining through the bot: "ikut" (who
    # may register) made "kalo mau ikut audisi di korea bayar gak" who_can_apply's ("registering
    # here is free"), which says nothing of what an audition costs.
    # Indonesian Idol is a TV talent show, not a K-pop idol: "audisi indonesian idol kapan" got
    # the entry on K-pop auditions (session 52) directly.
    ("indonesian", "idol"): "indonesianidol",
    ("indonesia", "idol"): "indonesianidol",
    ("ikut", "audisi"): "audisi",
    ("iko", "audisi"): "audisi",
    ("melu", "audisi"): "audisi",
    # A sponsor for an event (a festival, a concert) is the event's money, no entry's: not
    # film_funding's "sponsor film" (session 45: "Apakah KOCCA bisa menjadi sponsor festival
    # film pendek di Indonesia?" got film_funding directly).
    **{
        (*sponsor, event): "sponsoracara"
        for sponsor in (("sponsor",), ("sponsor", "buat"), ("sponsor", "untuk"))
        for event in ("festival", "konser", "acara", "event", "pentas", "pertunjukan")
    },
}

# "Kadang", "terkadang" (sometimes) ask nothing: session 50's "aku juga kadang ngisi suara film
# animasi ... pilih jenis film apa?" counted it as an unknown word against every entry; nor
# does Minang's closing particle "doh" ("indak pop doh"). "Ulang" (again) asks no more than
# "lagi" does: "boleh daftar ulang?" read it as a typo of "uang" (who_runs' money).
STOPWORDS_ID = _listed(
    """
    ada adakah adalah agar aja akan aku al apa apaan apakah apalagi atau bagaimana bahwa
    banget bang bro buat bagi belum berapa bisa bisakah boleh bolehkah cuma dan dari deh
    dengan di dia dimana dong emang gan gimana gitu gue hal hanya harus ini itu iya ja jadi
    jika juga kah kak kakak kalau kami kamu kan kapan karena ke kenapa kita kok lagi lah
    lalu maaf mana mas masih mau mbak mengapa mereka min mimin mohon nah nanti nih nya oh ooh
    ohh owh
    pada para punya saja sama saya sebenarnya sedang sekarang selain seperti sih silakan
    sis soal sudah supaya tanya tapi tentang terus tidak toh tolong tuh tu untuk wah ya
    yah yang yuk ap cara kemarin kemaren kemana ku mu bakal dapat dapet gitu
    ingin lihat tadi pakai dipakai cari benar kayak gini begitu begini doang loh lho
    kok dong sih biar kalian lu lo elu tahu tau bukan sampai atau emang apakah bagaimanakah
    barusan udah minta pengin sebelum setelah terus nya2 aj kayaknya sepertinya
    bentar sebentar dalam
    serius seriusan
    pun amat pula kali mirip semacam macam sebenernya sebetulnya pokoknya intinya maksudnya
    maksud mksd misalnya misal bila apabila bakalan coba ayo guys sob bestie bund bun pak bu
    ibu bapak ane anda elo sana sini situ disini disana kesini kesana namun soalnya mengenai
    seputar terkait perihal sesuatu setiap tiap beberapa oleh ka kaka mba kakk
    dik dek
    selamat pagi siang sore malam salam assalamualaikum assalamu alaikum waalaikumsalam
    permisi punten sampurasun halo hallo helo hai hay hii makasih makasi makasii mksh makasihh
    terimakasih kasih trims tengkyu nuhun suwun matur nuwun
    om swastiastu suksma tiang mengganggu ganggu
    mantap mantul jangan dulu sering sewaktu banyak ijin bertanya
    teh mah atuh euy wae dupi geuning heula
    hormat perhatiannya perhatian ucapkan menanyakan mengetahui memperoleh berkaitan
    tersebut terdapat secara sebelumnya
    meskipun walaupun walau sekalipun kendatipun biarpun lha
    sumpah perasaan disuruh
    jo dang ne mar iko
    ji mi ki ta bede iye tawwa
    ma si ia doi
    kuh jeh
    jinjja daebak aigoo aigo molla hwaiting hoksi hokshi
    katanya dengar denger konon
    horas tabe mejuah juah daeng tuhan berkati memberkati gbu
    penjelasan penjelasannya terhormat hendak kelak merupakan serta diinformasikan berlaku
    biasanya diri baik
    bah la bilang pergi
    basudara nian oi wassup whatsup danke teurimong gaseh
    pang ko memang sangat
    literally ygy spill mager kuy otw btw wkwk wkwkwk haha hahaha hehe lol
    mbok rek cak tak arek kaya sekali sehubungan
    unnie eonni oppa hyung noona sunbae annyeong annyeonghaseyo kamsahamnida gamsahamnida
    gomawo kamsia salken yaa apik
    puang lae amang inang kraeng enu kang mauliate saranghae dab lur bli
    patek makanya akhirnya
    bo ba
    teman 혹시 진짜 bingung biasa
    olo tabik puwari siulu kurresumanga 네 안녕 안녕하세요 감사합니다 고맙습니다 고마워요 고마워
    cepat cepet cepetan buruan berarti
    pace mace
    bela woy woi hatur afwan akhi ukhti antum syukron syukran jazakallah insya insyaallah
    inshaallah allah bismillah alhamdulillah khair khairan
    ahowu fefu saohagolo saohagölö koko cece cici
    tah usah
    berkah barokah
    warahmatullahi warahmatullah wabarakatuh warohmatullahi wabarokatuh wr wb wrwb semoga
    senantiasa
    awak tte chotto
    mengingat terlibat termasuk
    takut khawatir kuatir
    sebagai waktu ceritakan khusus bulan
    metu le
    pihak
    side kau engkau penutup sehingga jane
    rupanya berkenan sejauh
    kadang terkadang doh
    ulang
    prosedur prosedurnya mekanisme mekanismenya
    baiklah okelah terserah
    """
)

# English's -ever words ask nothing by themselves ("can I do it whenever": session 45's jazz
# pianist; each was an unknown word counting against every entry).
# Australian English's "mate" (calling someone: it was read as a typo of "made"), "heaps" (a
# lot) and "lately" ask nothing (session 50's Melbourne composer); nor do "somewhere",
# "anywhere", as "anything" does ("is there somewhere i can pitch it"). "Again" asks no more
# than "lagi" does, nor chat's "tho" (though): session 59's "can i still join even tho i live
# in korea?" counted it against every entry.
STOPWORDS_EN = _listed(
    """
    a about am an and any anyone anything are as at be been being but by can could did do
    does doing for from get got had has have having he her hey hi him his how i if in into
    is it its just know let like may me might must my need no not now of on one or our out
    please right she should so some someone something tell than that the their them then
    there these they this those to too us very want was we were what when where which who
    why will with would yes yet you your
    also actually exactly really still here whats ok okay pls anybody everything thing
    things stuff guys possible question questions hello
    good morning afternoon evening thanks thank thankyou thanx
    honestly even though think
    fyi nah few told seriously serious
    kindly explain rather wondering regarding perhaps
    whenever whatever wherever whoever
    mostly between
    mate heaps lately
    somewhere anywhere
    again tho
    whether procedure procedures fine
    sorry sory sori
    """
)

STOPWORDS = STOPWORDS_ID | STOPWORDS_EN

# "selain mucon ada apa lagi", "other than BIFF": what follows is set aside, not asked about;
# after these small words ("selain dari mucon") too, but not after any other ("selain itu,
# cara daftar gimana?" is "besides that", and asks about registering).
SETTING_ASIDE = _listed("selain kecuali besides except excluding")
SETTING_ASIDE_PAIRS = frozenset({("other", "than"), ("apart", "from"), ("aside", "from")})
BEFORE_SET_ASIDE = _listed("dari di ke the a an")

# Who the talent is, not what they ask ("saya gitaris dari bandung, bisa daftar?"). A role
# the index does not know weighs nothing, where any other unknown word counts against every
# entry (the off-topic guard); so do the places of content/intake.yaml's provinces and the
# talent's own name ("perkenalkan, saya Dimas dari Surabaya").
ABOUT_TALENT = _listed(
    """
    perkenalkan kenalin kenalkan perkenankan nama namaku namanya name
    musisi musician sineas filmmaker seniman artist artis
    drummer drumer gitaris guitarist bassist bassis basis keyboardist keyboardis pianis
    pianist vokalis vocalist penyanyi singer rapper beatmaker biduan violinis violinist
    pemusik instrumentalis sinden pesinden dalang
    sutradara director sinematografer cinematographer dop kameramen cameraman aktor actor
    aktris actress pemeran editor animator penulis writer screenwriter scriptwriter
    asal mahasiswi sanggar gamelan karawitan angklung
    keroncong dangdut penabuh penari tari tradisional kelompok
    cowok laki dosen leader dancer session
    pemain teater theater theatre akting acting koplo sasando kolintang
    berdua bertiga berempat berlima berenam bertujuh
    bokap nyokap ortu emak babe mama papa
    dirigen konduktor conductor paduan suara suaranya paduansuara koor choir anggota dp
    kor orgen campursari girl girls classmate classmates studying scoring kawinan nikahan hajatan
    panting komunitas busking busker pengamen ngamen
    hip hop hiphop rapai rapa
    murid siswa siswi pelajar didik student students
    manage managing
    foley colorist colourist gaffer grip postproduction based
    recital chamber ensemble orchestra orkestra quartet kuartet cellist violist
    skripsi tesis thesis jurnalis journalist
    wartawan tinjauan pustaka literatur
    gendang beleq
    kendang orkes 학과 pemimpin pimpinan rohani gospel
    """
)
# Roles and art forms that are as often what a question is about ("syarat jadi ustadz", "cara
# main kendang kempul", "konser metal di korea kapan"): who asks only in a message that speaks
# of its sender or asks whether one may (SENDER, MAY), where an attacker found ABOUT_TALENT's
# rule turning such questions into direct answers of the generic words left.
# Bima's gambo (a lute) and silu (a shawm) are instruments, as kempul is; so is the Mandar
# kacaping (kecapi, a boat lute), and Mandar (a people of West Sulawesi) is as dayak.
# Cirebon's tarling (gitar and suling) is an art form, as dangdut is (it was read as a typo
# of "talking").
# A band's "personel" (its members: it was read as a typo of "personal", a my_data word) and
# reggae say who asks too. So does gambus (an Arab-Malay lute, and the music a group plays
# with it), as qasidah does. A grandmother asking for her grandchild ("nenek", "neneknya",
# "cucu", "cucuku") is who asks, as "mama" is, in a message about its sender or asking whether
# one may ("Bisa nenek bicara dgn petugasnya?"); and no role to register as (NOT_A_ROLE).
# Where a talent is "originally" from says who asks, as "asal" does, in a message about its
# sender ("I'm a singer originally from Medan"), not in "who originally sang this song".
# A ship's crew member ("ABK", anak buah kapal: session 47's cruise-ship singer) is who asks,
# in a message about its sender.
# A boss ("bos", "boss", "atasan") for whom an assistant asks ("bos saya minta dicek apakah
# KOCCA ada pendanaan", "Bos mau tau kita wajib lewat PH Korea": session 48) is who asks, in a
# message about its sender; no role to register as; "cara minta naik gaji ke bos" is no entry's.
# Minang (a people of West Sumatra, as Dayak and Mandar are: "musik tradisi Minang") says who
# asks too (session 50).
# Classical music ("klasik", "classical") is an art form, as jazz or dangdut are ("pianis klasik
# juga bisa?"), and as often what is asked ("konser musik klasik di jakarta").
# A woman ("perempuan", "cewek") is who asks in "saya perempuan, boleh daftar?", and what is
# asked in "Apakah sutradara perempuan juga didukung?" (a talents' review s62, M3: it got BIFF's
# Asian Cinema Fund directly, which says nothing of women; no entry does).
ABOUT_TALENT_IF_SAID = _listed(
    """
    perempuan cewek
    dayak minang
    pesantren pondok ustadz ustaz hadroh hadrah sholawat shalawat salawat nasyid
    qasidah kasidah religi islami gambus
    metal punk hardcore underground cadas
    videografer videographer fotografer photographer
    kempul
    gambo silu
    mandar kacaping kecapi
    tunanetra talkback pembacalayar screenreader kursiroda wheelchair
    rap
    tarling
    personel reggae
    nenek neneknya cucu cucuku
    klasik classical
    originally
    abk
    pensiunan
    bos boss atasan
    """
)
# The instrument a talent plays ("saya bermain gitar", "pemain keyboard campursari", "ambo main
# saluang jo talempong") is who asks, only in a message about its sender or about registering
# (SENDER, SIGNING_UP), never right after a topic head ("belajar gitar", "jual gitar"): session
# 50's guitarist, keyboardist and saluang player were held back by it as an unknown word
# (and "keyboard" was stemmed to "yboard"); "cara main gitar bisa?" is still not who asks.
INSTRUMENTS = _listed("gitar guitar keyboard piano biola violin saluang talempong suling seruling")
SIGNING_UP = _listed("mendaftar mendaftarkan")
# Playing it ("saya main biola", "I play guitar") is who asks with it: "main" is the music page's.
PLAYING = _listed("main bermain pemain play plays playing")
# Words that say who asks but not as whom they would register ("mama boleh?", "skripsi bisa?"
# ask nothing about registering; "hiphop bisa?", "rap bs ga" do; "talkback bisa?" asks whether
# a screen reader works, "kawinan bisa?" for a wedding gig: an attacker's, session 44).
NOT_A_ROLE = _listed(
    """
    perkenalkan kenalin kenalkan perkenankan nama namaku namanya name asal based manage
    managing dp pensiunan
    bokap nyokap ortu emak babe mama papa skripsi tesis thesis jurnalis journalist wartawan
    tinjauan pustaka literatur
    talkback pembacalayar screenreader kawinan nikahan hajatan kursiroda wheelchair
    nenek neneknya cucu cucuku originally bos boss atasan
    """
)
# Where a place is the talent's own, even one an entry has ("dari jakarta", not "di jakarta").
FROM = _listed("dari from asal asli")
# Money or a program "from" somewhere is its source, not where the talent is: "ada dana film
# dari taiwan?" asks about Taiwan's funds (no entry's), and "taiwan" counts against them.
SOURCED = _listed(
    """
    dana pendanaan funding fund funds grant grants hibah beasiswa scholarship scholarships
    bantuan insentif incentive incentives
    """
) | _listed("lagu rekaman")  # a song from a medium: "lagu dari kaset", not a town
# Words of place names that are no place by themselves: "dari luar negeri boleh daftar?" and
# "from south korea" ask about who may register and about Korea.
NOT_A_PLACE = _listed(
    """
    di luar negeri indonesia outside overseas abroad selatan utara barat timur tengah pusat
    south north west east central kota kabupaten kab daerah istimewa kepulauan kep islands
    """
)
INTRODUCING = frozenset(  # the talent's name follows ("nama saya Dimas"), not a question's
    {("my", "name"), ("nama", "saya"), ("nama", "aku"), ("nama", "gue")}
)

# Messages made only of these words (and FILLER) are greetings or thanks, not questions; a
# call for help with nothing else ("ada yang bisa bantu?", "help") is answered as a greeting,
# which asks for the question. Sasak's and Bugis' "side" (you, polite: "tabe' side admin")
# is whom a greeting addresses, as "kak" is (and a stopword, as "anda" is).
# Papuan "pace" and "mace" (sir, ma'am: "pace sa rapper dari sorong. rap bisa ikut kah?", session
# 48) are whom a message addresses, as Maluku's "bela" is (and stopwords); so are "dik" and
# "dek", an older talent's word for a younger one (session 51: "Terima kasih atas
# informasinya, Dik." was no thanks). Sundanese "sampurasun" greets as "punten" does (a talents'
# review s65, F3).
GREETINGS = _listed(
    """
    halo hallo helo hai hay hi hii hey hello heyy pagi siang sore malam selamat met
    swastiastu
    assalamualaikum assalamu alaikum salam permisi punten sampurasun morning afternoon evening
    good
    there p ping kak kakak min mimin admin gan bang mas mbak sis bro mate everyone all guys
    semua semuanya om tante kabar bapak ibu pak bu
    horas tabe mejuah juah daeng
    salken annyeong annyeonghaseyo unnie eonni oppa rek cak 👋
    puang lae amang inang kraeng enu kang dab lur
    basudara oi wassup whatsup 🤙
    tabik puwari siulu 안녕 안녕하세요
    bela woy woi afwan akhi ukhti
    pace mace
    dik dek
    ahowu fefu ko koko cece cici
    bantu bantuin tolong help anyone somebody someone
    semoga sehat selalu senantiasa
    warahmatullahi warahmatullah wabarakatuh warohmatullahi wabarokatuh wr wb wrwb
    side
    """
)
# A blessing wished with thanks ("matur nuwun sanget min, berkah 🤲") thanks, and asks nothing
# anywhere (STOPWORDS): "berkah" was read as a typo of "berkas" (what_to_prepare's files).
THANKS = _listed(
    """
    makasih makasi makasii mksh makasihh terima kasih terimakasih trims thanks thank
    thankyou thanx tengkyu nuhun suwun suksma matur nuwun mantap mantul sip sipp oke okay ok okey
    siap noted good nice great cool keren helpful membantu 🙏 👍 ❤ ❤️ 🙂 😊 👌 🤝 🫡 🥰
    tuhan berkati memberkati gbu
    kamsia kamsahamnida gamsahamnida gomawo apik
    lemak danke teurimong gaseh
    mauliate 🫶 daebak
    kurresumanga 감사합니다 고맙습니다 고마워요 고마워
    baik baiklah okelah paham ngerti mengerti fine
    oalah owalah ic oic iya yaudah inggih hooh alright cheers gotcha understood
    hatur syukron syukran jazakallah khair khairan
    barakallah barakallahu fiik fiikum 🤲 berkah barokah
    saohagolo saohagölö
    """
)
# "Izin" (chat's polite "excuse me": "izin ya kak 🙏") closes a greeting when nothing else is
# asked; with anything else it is still a parent's permission ("izin tanya, anak 15 thn perlu
# izin ortu?"). Only in small talk: not a greeting word before "dari" or a question.
# "Ganggu" ("maaf ganggu", Javanese "nyuwun sewu ganggu": sorry to disturb) excuses too: session
# 48's "sugeng enjing min, nyuwun sewu ganggu 🙏" was a nudge, not a greeting.
EXCUSING = _listed("izin ijin ganggu mengganggu")
# Signing off to go on later ("oke, nanti saya sampaikan ke bos. makasih ya", "siap, nanti sa
# lanjut": session 48's review, M1, got "no answer" or "not sure"): with a word of later (LATER)
# and one of these (CLOSING), they and stopwords are small talk, thanks with a closing; never
# with a question cue ("makasih, tapi kapan dibuka?", "nanti lanjut bisa?"), nor with any other
# word ("nanti saya lanjut daftar", "nanti sa cari link dulu" are still read). Coming back
# later closes too ("nanti saya kembali lagi", "I'll come back later": a goodbye got KOFIC's
# page for "kembali", its "dana kembali").
LATER = _listed("nanti ntar entar later")
CLOSING = _listed(
    "lanjut lanjutkan lanjutin sampaikan sampein sampaiin kabari kabarin continue bos boss atasan"
    " kembali balik come back ll maybe"
)
# Another time, in two words side by side, closes as well ("lain kali aja", "lain waktu aja",
# "maybe later", "maybe next time": the last try-outs of s61 got the managers' page, an open
# call or "no answer"); apart they are other words ("kali ini lain").
ANOTHER_TIME = frozenset(
    tuple(pair.split())
    for pair in (
        "lain kali",
        "lain waktu",
        "maybe later",
        "next time",
        "other time",
        "another time",
    )
)
# Back again: a talent who returns greets ("halo kak, aku kembali lagi", "Hi, I am back", "hello
# again", "udah lama gak ke sini": session 61 left them "no answer", the registration page for
# "back", a nudge). Words side by side; with a word of later they still close ("nanti saya
# kembali lagi": CLOSING), and with any word that could be a topic they are read ("aku balik
# lagi, gimana status pendaftaranku?"), as is money given back ("dana kembali lagi").
_ABSENT = _listed("tak gak ga nggak ngga enggak tidak gk g ndak belum blm")
_VISITED = _listed("sini kesini jumpa ketemu mampir main nongol chat")
BACK_AGAIN = frozenset(
    tuple(phrase.split())
    for phrase in (
        "kembali lagi",
        "balik lagi",
        "datang lagi",
        "dateng lagi",
        "mampir lagi",
        "ketemu lagi",
        "jumpa lagi",
        "hadir lagi",
        "nongol lagi",
        "datang kembali",
        "jumpa kembali",
        "ketemu kembali",
        "am back",
        "m back",
        "im back",
        "back again",
        "hello again",
        "hi again",
        "hey again",
        "hai again",
        "s me again",
        "me again",
        "meet again",
        "long time no see",
        "long time no chat",
        "been a while",
        "been a long time",
    )
) | frozenset(
    ("lama", absent, *to, visited)
    for absent in _ABSENT
    for to in ((), ("ke",))
    for visited in _VISITED
)
# "Oh, I see" in two words, an okay to what the bot just said ("oh gitu kak"); "gitu" alone
# is not one ("gimana gitu" asks). "Coba dulu" (I'll try it first: Jogja's "tak cobo sik") is
# one too.
I_SEE = frozenset(
    {("i", "see"), ("got", "it"), ("makes", "sense"), ("coba", "dulu")}
    | {
        (oh, so)
        for oh in _listed("o oh ohh ooh owh oalah owalah")
        for so in ("gitu", "gituu", "begitu", "ngono")  # ngono: Javanese gitu
    }
    # "oke lah kalo gitu" (in that case: an okay; a re-check s60, L1: "Maaf, aku belum punya
    # jawaban"); before a question its words are what is asked ("kalau gitu biayanya?").
    | {("kalau", so) for so in ("gitu", "gituu", "begitu")}
)
# Saying thank you in so many words: in ask mode, a message of small talk with one of these
# and nothing that asks on is the bot's to answer once staff answered ("oke makasih kak"), not
# a new question for them; "oke", "siap" or "good morning" alone are not (the talent may be
# about to ask).
GRATITUDE = _listed(
    """
    makasih makasi makasii mksh makasihh terimakasih trims thanks thank thankyou thanx tengkyu
    nuhun suwun nuwun suksma kamsia kamsahamnida gamsahamnida gomawo mauliate
    kurresumanga 감사합니다 고맙습니다 고마워요 고마워
    syukron syukran jazakallah saohagolo saohagölö
    🙏
    """
)
# A yes: with thanks, after staff answered, it may answer what they asked ("Sudah kirim
# link?" "udah kak makasih"), so it goes to them ("makasih ya kak" is thanks: "ya" is filler).
# "mau daftar", "oke gas daftar", "i want to register": the form itself, not the FAQ about it
# (two talents' reviews). Only these words: "gimana daftar", "bisa daftar?" ask about it, and
# "udah daftar" says it was done. English says it with "I'll", "I'd like to", "I'm going to"
# and "apply" too (session 47's review: "hmm ok, I'll just register then" got "Sorry, I don't
# have an answer"); "how do I apply", "I'll register later" are still no wish.
REGISTERING = _listed(
    "daftar dftr daftarin daftarkan mendaftar mendaftarkan register registrasi regist signup apply"
)
# ... for whom ("mau daftarkan band kami", "mendaftar untuk keponakan saya"), and "then"
# ("let me register then", Javanese "monggo kula badhe daftar"): still the wish, after thanks
# or "bukan itu" (session 46's review: "Kalau begitu saya mau daftarkan keponakan saya
# sekarang" got open_call_now). A place, school or test to register for is not in it ("mau
# daftar sekolah", "mau daftar cpns").
REGISTERING_FOR = _listed(
    """
    untuk buat for kami kita we our anak adik keponakan ponakan cucu teman band grup group
    murid siswa student son daughter nephew niece then monggo mangga badhe
    """
)
# ... from the start or again ("mau daftar dari awal", "daftar lagi dari awal", "i want to
# register again from the start": a talents' review s63, M1, got who_runs), or naming what is
# registered ("Kami ingin mendaftarkan proyek film kami.": M6, got "not sure"): still the wish.
REGISTERING_AGAIN = _listed(
    "lagi ulang dari awal baru mulai again over from the scratch start beginning new proyek"
    " project film karya"
)
# The menu asked for by name, typed alone outside a form ("menu", "menu utama", "main menu",
# "start", "mulai": a talents' review s63, M9, got "no answer" and an offer to pass "menu" to
# the team): the menu, alone. With MENU_FILLER around it ("menu dong kak", "menu please").
MENU_CALLS = frozenset(
    {
        ("menu",),
        ("menu", "utama"),
        ("menu", "awal"),
        ("main", "menu"),
        ("start",),
        ("mulai",),
        ("home",),
        ("beranda",),
    }
)
MENU_FILLER = _listed("kak kakak min bang mas mbak dong deh ya yaa aja saja lagi please pls the")
MENU_LIMIT = 40  # characters: a longer message says more than the menu's name
# "Kalau begitu" (then) before a wish; "kalau" alone starts a question ("kalau mau daftar").
THEN = frozenset({("kalau", "begitu"), ("kalau", "gitu")})
WANTING_TO = _listed(
    """
    mau mo mw ingin pengen pingin want wanna to gas yuk yok ayo ayok langsung sekarang now let
    lets me please pls plis aja saja deh dong ya yaa kak kaka kakak min mi bang bro mas mbak pak bu
    sy saya aku gw gue i oke ok okay
    sip siap yaudah iya yes minat interest my sign up ikut halo hai hi hello permisi
    ll will just d like m going gonna
    """
)
AFFIRMING = _listed(
    "iya iyaa inggih hooh yaudah sampun sudah wis yes yep yup insya insyaallah inshaallah"
)
# Typed while "Tanya tim kami"'s confirmation waits, instead of pressing a button: send it
# ("iya", "kirim aja kak", "yes send it") or don't ("batal", "gak jadi", "no"), FILLER aside:
# the confirmation is shown again to press.
SENDING = _listed(
    """
    iya iyaa ya yes yep yup oke ok okay okey sip siap boleh kirim kirimin kirimkan dikirim send
    lanjut gas aja saja it ke to yaudah udah sudah
    """
)
NOT_SENDING = _listed("batal gajadi jadi gak ga nggak enggak tidak no nope cancel jangan usah dont")
# "Bukan ini" typed under an answer (text.says_not_this): what it starts with, all it may hold,
# and the chat around it.
NOT_IT_FIRST = _listed("bukan salah not wrong that thats this")
# What says it was not it; "salah" beside "saya" is "my mistake" ("salah saya kak").
NOT_IT_SAYING = _listed("bukan salah not wrong")
MY_MISTAKE = _listed("saya aku gw gue i my")
NOT_IT = _listed(
    """
    bukan salah not wrong that thats this ini itu it s the one yang maksud maksudku maksudnya
    maksudnyaa saya aku gw gue i what asked meant jawaban jawabannya answer tanya tanyakan
    ditanya gitu begitu
    """
)
NOT_IT_FILLER = _listed("kak kakak ya yaa sih dong deh min bang mas mbak hmm eh wah kok")
# What makes an okay no okay ("ga ok kak", "belum paham").
REFUSING = _listed("ga gak nggak ngga enggak tidak tak bukan belum blm kurang no not")
# Words that turn what follows around ("tidak boleh daftar", "can't register"; "t" is what is
# left of "can't"): a wording taught without them is not what such a message says.
NEGATING = _listed("ga gak nggak ngga enggak tidak tak bukan belum blm jangan no not never t")
# After thanks, what says there is more to it than thanks ("makasih kak, tapi saya masih
# bingung", "Thanks. Please call me", "terima kasih. mohon dikabari"): still waiting for staff.
MORE_THAN_THANKS = _listed(
    """
    tapi tp tpi namun but however masih still mohon please pls plz tolong butuh need needs
    perlu bingung confused salah wrong keliru kabari dikabari kabarin hubungi call contact
    waiting tunggu menunggu nunggu segera secepatnya asap urgent
    """
)
ASKING_ON = _listed(
    """
    tanya nanya nanyain tny bertanya pertanyaan question questions ask lagi mau mo mw pengen
    pingin ingin boleh bisa bs gimana how apa ada tolong help admin min mimin
    """
)
# A talent doubting or asking back ("serius?", "masa sih", "maksudnya?", "hah?"), perhaps with
# thanks or an okay ("makasih, maksudnya?", "oke beneran?"): with small talk and stopwords
# only, nothing asked yet but something unclear (`doubt`), not a topic ("serius" was a typo
# of "series" to the index, and got a program page), nor thanks to keep from staff.
ASKING_BACK = _listed(
    "maksud maksudnya mksd mksdnya hah huh mean wdym pardon gaje gajelas bingung confused 🤔 ❓ ❔"
    # "apa bedanya?", "what's the difference between these two?": which two is in another
    # message (or the form's step), and "beda kofic dan kocca" alone had them answered.
    " beda bedanya bedain perbedaan perbedaannya difference differences"
)
# ... and words that doubt, or stress thanks ("makasih, beneran membantu"; "sungguh" only
# stresses, as "sangat" does: FILLER).
DOUBTING = ASKING_BACK | _listed(
    "serius seriusan beneran bener benar masa yakin really seriously serious srsly fr"
)
# In a message that asks nothing yet, asking what this is ("kak ini apa sih?", "who are you"):
# the bot says what it is.
WHAT_THIS_IS = _listed("ini this bot siapa sapa who apaan")
# Sounds, not words: with stopwords and FILLER only ("hmm", "trs apa lg", "ya udh deh") a
# message asks nothing yet, and the bot asks what the talent needs (`nudge`).
MURMURS = _listed("hm hmm wkwk wkwkwk haha hahaha hehe hihi lol eh ehm")
# Saying hello, where a talent who also says who they are greets ("Sugeng enjing, kulo penyanyi
# keroncong saking Solo, nyuwun sewu badhe tanglet"): without one, or with a word that asks
# ("halo, saya animator, bisa?"), their role is what they ask about.
SALUTATIONS = _listed(
    """
    halo hallo helo hai hay hi hii hey hello heyy pagi siang sore malam selamat met
    assalamualaikum salam permisi punten sampurasun swastiastu horas tabe mejuah morning afternoon
    evening
    tabik 안녕 안녕하세요
    wassup whatsup
    """
)
# The bot called right after a salutation ("halo bot", "yo wassup bot"): whom the talent
# greets, not what they ask ("bot" alone is ask_human's word: "kamu bot?").
CALLED = _listed("bot")
# ... unless the message asks about the bot itself ("halo bot, kamu siapa?", "halo, bot ini
# beneran?"): then "bot" is what it asks about.
ABOUT_THE_BOT = _listed(
    """
    siapa sapa who kamu you beneran bener benar resmi official orang manusia human real asli
    person robot ai palsu fake penipuan scam
    """
)
ASKING = _listed("bisa bs boleh ada apa gimana how can may")
# Words that make a message ending in "?" a question rather than an answer the talent is unsure
# of: at a name or a title in the form, "The Open Call Band?" is a name, "kak ini gratis kan?"
# asks (an attacker's review). "tidak" is what "gak?" becomes at a question's end.
# English's ask first ("Could you tell me ..."); in "We are developing a film" they tell.
QUESTION_CUES_EN = _listed(
    "how what when where who why which can could is are do does did will would may should must"
)
QUESTION_CUES = QUESTION_CUES_EN | _listed(
    """
    apa apakah apaan gimana bagaimana gmn berapa brp kapan kpn bisa bs boleh kah kan tidak
    siapa mana dimana kemana kenapa mengapa knp harus perlu wajib
    """
)
# A request that asks as a question does: "Mohon informasi apakah ...", "please tell me".
ASKING_FOR = _listed("mohon tolong please pls kindly")
FIRST_PERSON = _listed("saya aku sy gw gue i kami kita")
# What a talent runs, said in a greeting ("sugeng siang min, nyong sing ngurus festival film
# komunitas"): who they are, right after "saya yang".
RUNNING = _listed("ngurus mengurus ngelola mengelola kelola pegang megang memegang handle")
# A message that speaks of its sender, or asks whether one may (ABOUT_TALENT_IF_SAID).
SENDER = FIRST_PERSON | _listed(
    "my we our me us ku ane ana tiang ogut isun ngai kulo kula awak beta here"
)
MAY = _listed("boleh bisa bs can may ikut ikutan cocok")
# A message about the talent's own data ("Data saya masih ada ga?", "Do you still have my
# email?"): a talent whose data was erased is told so (`text.about_own_data`), not answered
# from the FAQ. Not read by the matcher. A word for data itself, or one for a detail kept
# with a word for keeping it ("emailku masih disimpan?", not "saya kirim lewat email").
OWN = SENDER - _listed("we our us kami kita here")
OWN_DATA = _listed("data privasi privacy informasi information details")
OWN_DETAILS = _listed("email surel nomor number handphone hp phone wa whatsapp alamat address")
KEEPING = _listed(
    """
    masih still simpan disimpan menyimpan nyimpan keep kept hold holding have has punya ada
    hapus dihapus terhapus delete deleted erase erased remove removed store stored
    dipakai pakai digunakan gunakan use used
    tersisa sisa sisanya remaining
    """
)
# A bare follow-up on what is left ("jadi yang tersisa apa aja?", "so what's left?"): about
# the talent's own data only right after an erasure, and only with no other thing named
# ("kuota tersisa berapa?", "slot yang tersisa apa aja?" are not).
REMAINING = _listed("tersisa sisa sisanya remain remaining remains left")
WHATS_LEFT = REMAINING | _listed(
    "jadi terus trus lalu yang apa saja aja sih dong ya kah masih lagi so then what s is are still"
)
# What is still kept, asked after an erasure in other words (a talents' review s59, M8: "kak
# sekarang data kita yang masih kesimpen apa aja? 🥺" got "not sure"): a word for being kept or
# left with one for data or for "what" ("apa aja yang masih disimpan?", "what do you still
# have", "what data is left"), and no word but these (`text.asks_whats_kept`: "apa masih ada
# program musik?" names a program).
KEPT_NOW = REMAINING | _listed(
    """
    kesimpen disimpan disimpen tersimpan simpan nyimpen nyimpan menyimpan ada
    have has keep keeping kept store stored storing hold holding
    """
)
KEPT_ASKING = _listed("apa what")
# "ada", "have" say kept only with data named or with "still" ("masih ada data kami?", "what
# do you still have"), not "ada apa?" nor "apa yang ada di sini?".
KEPT_LOOSELY = _listed("ada have has")
STILL = _listed("masih still")
KEPT_DATA = OWN_DATA | OWN_DETAILS | _listed("datanya dataku datamu datakami datakita")
KEPT_ASKED = (
    WHATS_LEFT
    | KEPT_NOW
    | KEPT_DATA
    | SENDER
    | _listed(
        """
        kak kakak min bang mas mbak sekarang skrg kalian kamu kalean bot sini ini di
        apakah gak ga nggak ngga tidak you do does of about the any anything there now here
        tentang punya punyaku mana
        """
    )
)
# ... unless it asks what a registration needs ("Data diri apa saja yang dibutuhkan?", "data
# paspor perlu disimpan di mana?"): the FAQ answers that, not "your data was erased".
NEEDING = _listed("perlu butuh dibutuhkan diperlukan need needed needs required wajib harus")
# After an erasure, what the talent had before it ("data lamaku", "my old registration", "nomor
# yang dulu"): a word for old with one for their data, number or registration (a talents'
# review: "Tim kalian masih nyimpen data lamaku ga?" got "not sure" once they had registered
# again). Not read by the matcher.
OLD = _listed("lama dulu sebelumnya kemarin old previous earlier former")
HELD = _listed("pendaftaran registration nomor number reference referensi jawaban answers")
# Registering again ("Kalau daftar lagi hrs isi dari awal ya?", "do I have to fill it in again"):
# a word for registering or filling in with one for again.
FILLING = _listed("isi ngisi mengisi diisi formulir form fill")
AGAIN = _listed("lagi ulang again awal scratch")
# Regret after an erasure ("eh jangan dihapus", "yah kehapus ya? bisa dibalikin ga min", "oh
# no, can I undo that"): a word for deleting by mistake or undoing it, or a no ("jangan") with
# one for deleting (a talents' review s61, M8: "not sure" and the data page). A word for
# giving back ("kembalikan", "dibalikin", "restore", "bring … back") only with a word for the
# data or the mistake near it, or with nothing but small words ("bisa dibalikin ga min"):
# "dananya dikembalikan berapa persen?" is KOFIC's rebate, "nanti saya kembali lagi" a goodbye
# (a recheck review s61, M2). Not read by the matcher.
UNDOING = _listed("undo unerase kehapus kehapusan kepencet kepijit")
GIVING_BACK = _listed(
    """
    kembali balikin dibalikin balikkan balikan kembalikan dikembalikan kembaliin dikembaliin
    pulihkan dipulihkan memulihkan pulihin dipulihin restore restored recover recovered back
    """
)
BRINGING = _listed("bring give get have put want")
REGRETTED = _listed(
    """
    data datanya dataku datamu akun akunku akunnya account profil profile formulir pendaftaran
    pendaftaranku registrasi registration jawaban jawabanku answers details informasi
    information sengaja accident accidentally mistake oops
    """
)
REGRET_NO = _listed("jangan jgn jgan dont don")  # "don't" is read as "don", "t"
DELETING = _listed("hapus dihapus hapusin dihapusin menghapus delete deleted deleting erase erased")
# A message asking whether the team has answered yet ("Sudah ada balasan?", "udah dibales
# blm kak", "any reply yet?"): a talent who asked the team reads /status's line on their
# questions (`text.asks_after_reply`), not an FAQ entry. Not read by the matcher. A word for
# a reply with one for "by now".
REPLYING = _listed(
    """
    balasan balasannya balas dibalas membalas dibales bales balesan jawaban jawabannya jawab
    dijawab menjawab respon respons direspon tanggapan ditanggapi reply replied replies answer
    answered response responded
    """
)
BY_NOW = _listed("sudah belum ada masih any yet already still has have did got")
# Before a word for registering, one that makes it a supposition ("kalau saya daftar, berapa
# lama baru ada yang balas?": a talents' review s63, M8): the reply asked about is the one to
# a registration, not to a question sent to the team (after_registering answers it).
SUPPOSING = _listed("kalau kalo klo kl jika jikalau bila apabila seandainya misal misalnya if once")
# Thanks that say or check the talent understood ("makasih kak, sudah jelas ya?", "udah paham
# kok?", "thanks, clear now?"): a closing, thanked ("Sama-sama!"); a recheck s62, N1: "udah
# jelas?" was read as a question, and got a page on "kelas". "ngerti" is read as "tahu".
UNDERSTOOD = _listed("jelas clear paham mengerti tahu understood understand")
# What may stand beside them: a word of by now ("sudah", "now") or one that asks back for a
# yes ("kan", "kah"); not one that turns it ("belum jelas", "kurang paham": REFUSING).
UNDERSTOOD_NOW = BY_NOW | _listed("now sekarang kan kah it is s everything")
# How near a "by now" word stands to the word for a reply, in words ("sudah ada balasan", "Has
# the team answered", "udah dibales blm"): further off, it belongs to another part of the
# message ("maaf baru respon kak, ada program untuk dangdut?").
REPLY_REACH = 3
# Right before a reply word (two words at most), the sender's own late reply ("maaf baru
# balas", "sorry for the late reply", "maaf telat respon"), not the team's (a talents' review
# s57, H1: "maaf baru balas … ada program?" got "no question of yours reached our team").
# Not for a passive form ("udah lama ga dibales"): that one is the team's.
LATE = _listed("baru telat lama lambat late slow delayed")
# Before those, the apology they make ("maaf baru balas", "sorry for the late reply"): with
# them, left out of what is asked, as words no entry has would count against every entry.
APOLOGISING = _listed("maaf maap mohon sorry sori sory sorri for the my")
# Having an answer oneself ("kalau saya belum punya jawaban untuk karya penting"): right before
# a reply word, after a word for the sender.
HAVING = _listed("punya memiliki mempunyai")
# A reply FROM someone else than the team ("ada respon dari KOCCA soal kerja sama?"): news of
# something else, not of the talent's question to the team. These are the team.
THE_TEAM = _listed(
    """
    tim team kalian kamu kakak kak admin min mimin staf staff you your bot sana pihak kk
    """
)
# KOCCA named in a message answered with who runs the bot ("is this the official KOCCA
# bot?", "ini bot resmi KOCCA bukan?"): asked whether KOCCA runs it. Answered no when the
# operator's name (CONTROLLER_NAME) names none of KOCCA_NAMES, and left to the page on who
# runs it when it does: a name cannot tell KOCCA itself from a partner or fans (a talents'
# review s57, L2: who runs it, but no yes or no; an attacker's review: "Koccamedia" was "yes").
KOCCA = "kocca"
KOCCA_NAMES = ("kocca", "korea creative content agency", "한국콘텐츠진흥원", "콘진원")
# Or news of the talent's own question ("Hi, any update on my question?", "ada kabar soal
# pertanyaanku?"): a word for news with one for their question, said as theirs; or "heard
# back" ("Have you heard back about my question?").
NEWS_OF = _listed("update updates news kabar kabarnya progress perkembangan perkembangannya")
ASKED = _listed("question questions pertanyaan pertanyaannya message messages pesan")
# Or whether someone read it ("did anyone read my question?", "udah ada yg baca pertanyaan
# aku blm?", "is someone reading my messages?": a talents' review s64, H2, got the privacy
# page): a word for reading, with the sender's question.
READING = _listed("baca dibaca membaca kebaca read reading seen dilihat diliat")
# Not who can or may read them ("siapa yang bisa baca pesan saya?", "who can read my
# messages?"), nor whether a human or a bot does (a final review s64, M2: the question's
# status given for the privacy entry and "Can I ask a real person?"): who has access.
READ_BY_WHOM = _listed("siapa who whom can could bisa boleh able human manusia bot robot")
OWNING = _listed("my our")
HEARD_BACK = frozenset({("heard", "back"), ("hear", "back")})
# Before a role, what the talent is not ("aku cuma editor, bukan sutradara", "I'm an editor,
# not a director"): still who asks, even a role an entry has, in a message about its sender.
# Words of age: the number after them is an age ("umurku 17 kak, boleh daftar?", session 60:
# "17", which no entry has, counted against them all, where "umur 16" is a phrasing's).
AGES = _listed("umur umurku umurnya usia usiaku usianya age aged")
NOT_BEING = _listed("bukan not")
ARTICLES = _listed("a an seorang")
# Right after these an ABOUT_TALENT_IF_SAID word is what is asked, whoever asks ("syarat jadi
# ustadz bisa dari mana?", "bisa belajar sholawat dimana?", "ikut kursus fotografer").
TOPIC_HEADS = _listed(
    "jadi menjadi become belajar learn kursus course lomba festival konser concert lirik jual"
    " beli sell buy daftar"
)
# Right after these any word of who asks is what is asked, whoever asks: a festival, a contest
# or a concert of choirs or gamelan ("festival choir di korea kapan?" got biff_apm directly,
# as "festival korea kapan").
EVENTS = _listed("festival lomba konser concert")
# Genres and art forms, music or film kinds ("musik dangdut bisa ikut?", "rap bisa ikut kah?",
# "apakah musik religi bisa?"): in a message asking whether one may (MAY) join (JOINING, or a
# "bisa?" that ends it), each is the genre a talent registers with, read as "genre" (GENRE_WORD:
# "Who can register?" says any genre can be registered), and "musik" beside it is the genre too
# (GENRE_KINDS): "musik" alone got the music program's long page. Not in "saya penyanyi
# campursari, kapan dihubungi setelah daftar?" (no MAY: it asks when); "count" and "termasuk"
# join nothing ("does rap count as poetry?", "dangdut termasuk musik asli indonesia?"). Not
# right after a word that makes the genre the topic (TOPIC_HEADS: "jadi", "belajar"), nor in a
# message about learning, listening, an event, Korea or a program (GENRE_ELSEWHERE: "belajar rap
# bisa dimana", "where can i stream indie films", "hardcore music festival", "penyanyi jazz bisa
# ikut ke korea?", "MU:CON itu buat pianis klasik juga bisa?"), nor where "bisa" asks something
# else ("hiphop bisa bikin kaya ga"). The lead's phrasings "rap bisa ikut", "dangdut boleh
# daftar" answered "belajar rap bisa dimana", "cara rap cepat" and "lagu rap terbaik apa". A
# role ("rapper", "penyanyi") is who asks, not a genre; no animation or webtoon: no entry covers
# them.
GENRES = _listed(
    """
    genre genres aliran
    rap hip hop hiphop dangdut koplo religi religius religious islami rohani gospel
    qasidah kasidah rebana gambus hadroh hadrah sholawat shalawat salawat nasyid
    pop rock jazz metal punk reggae blues folk keroncong campursari jaranan tarling
    tradisi tradisional traditional klasik classical orkestra
    horor horror
    """
)
GENRE_WORD = "genre"
# Whether a genre counts ("lagu rohani, itu masuk hitungan kah?": "masuk hitungan" is
# "termasuk"), asked with nothing after it, asks whether it may be registered, as a closing
# "bisa?" does; not "dangdut termasuk musik asli indonesia?" (a talents' review s62, L3).
COUNTED = _listed("termasuk")
JOINING = _listed(
    """
    ikut ikutan melu join daftar didaftar didaftarkan daftarin didaftarin register registered
    accepted allowed diterima
    """
)
# What a genre is of, or playing it, said beside it ("musik dangdut", "lagu rohani", "main
# gambus", "religious music"): the genre is all it says, where "musik" alone got the music
# program's page.
GENRE_KINDS = _listed("musik music lagu song songs main bermain play playing")
GENRE_ELSEWHERE = EVENTS | _listed(
    """
    korea korean seoul busan mucon bcww biff apm acf kofic hoi pelatihan training
    belajar learn learning kursus course les latihan tutorial cara stream streaming download
    nonton dengar dengerin listen watch beli buy jual sell
    """
)
# Thanks by emoji, which also close a greeting politely ("halo kak 🙏" greets).
POLITE = _listed("🙏 👍 ❤ ❤️ 🙂 😊 🫶")
# Makassar's particle "di'" (read as "di": "makasih di'", session 45's review) closes thanks
# as its "ji", "mi" do.
FILLER = _listed(
    """
    di
    ya yaa yah dong deh nih sih kak infonya info informasinya informasi nya banyak banget sekali
    bgt sangat super
    very much so a lot you for the all buat untuk atas jawabannya jawaban bantuannya sungguh
    and dan apa gimana how are lagi
    mau mo mw ingin pengen pingin boleh bisa bs ada yang yg tanya nanya nanyain tny bertanya
    pertanyaan ga gak nggak ngga enggak tidak tim team kalian i have can may ask question questions
    want to some got quick aku saya sy gw gue me please pls plis
    mohon sedikit jelas sekarang ne jo dang ji mi ki ta iye kok
    bah la lah lu kali sudah jelaskan penjelasan penjelasannya kamu anda ✨
    nian e kaka
    ye yee
    saranghae
    olo kita pun 네
    oh ooh wah o ohh owh toh ah
    🤘 🔥
    🎧 🎤 🎸 🎹 🎻 🎺 🎷 🥁 🎶 🎵 🎼 🎬 🎥 🎞
    tah insya insyaallah inshaallah allah alhamdulillah aamiin amin
    sama tak
    perhatian perhatiannya hormat
    whatever terserah
    """
)
