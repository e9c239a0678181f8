"""Links in typed answers: a web address or a platform's @handle read as a link, a line that
names one, and tracking parameters dropped.
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, unquote_plus, urlsplit, urlunsplit

from bot.leads.intent_words import CHAT_WORDS, fold


def as_link(line: str) -> str:
    """A line of links as typed (only its links, one a line, when the words beside them only
    name them: "IMDb saya: …"), its addresses without a scheme ("www.…", "vimeo.com/…") with
    "https://" as the work's link has it (a talents' review, s60: "www.cahayatimur.co.id" was
    kept without), or the profile link
    of the one handle it names."""
    words = line.split()
    links = [web_link(word.strip(AROUND_LINK)) for word in words]
    if not any(links):
        return profile_link(line) or line
    labels = [fold(word) for word, link in zip(words, links, strict=True) if link is None]
    if labels and all(not label or label in _LABEL_WORDS for label in labels):
        # "IMDb saya: https://…" (a talents' review s65, F2: kept so, while "tiktok jg ada
        # kak @wulan.koplo" became the link): the links alone, one a line, as the hint asks.
        kept = zip(words, links, strict=True)
        line = "\n".join(word.strip(AROUND_LINK) for word, link in kept if link)
    return _BARE.sub(_with_scheme, line)


# An address without its scheme, as a word of its own: "www." or a host with a path
# ("vimeo.com/minseokim": a talents' review s61, L6, kept so while the work's link had it).
_BARE = re.compile(
    r"(?<![\w/.@:-])(?:www\.[^\s<>\"']+|[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,}/[^\s<>\"']*)",
    re.IGNORECASE,
)


def _with_scheme(found: re.Match[str]) -> str:
    """A "www." address with "https://", the sentence's punctuation after it left out."""
    word = found.group(0)
    core = word.rstrip(AROUND_LINK)
    link = web_link(core)
    return word if link is None else link + word[len(core) :]


# Where a line of "other links" names a profile without its address ("Spotify: Sari & The
# Monsoons"): staff can find it.
PLATFORMS = frozenset(
    "instagram ig insta tiktok tt youtube yt yutub spotify soundcloud bandcamp imdb letterboxd"  # noqa: SIM905 -- a word list reads best as words
    " vimeo facebook fb twitter threads behance linkedin deezer joox".split()
)
# Words before a link that only say what it is ("IMDb saya:", "ig aku", "link akun"): left out.
_LABEL_WORDS = (
    PLATFORMS
    | CHAT_WORDS
    | frozenset("link linknya akun akunku profil profilku profile account page juga jg".split())  # noqa: SIM905 -- a word list reads best as words
)
# "No other links" typed instead of the Skip button.
NO_LINKS = frozenset(
    {
        "tidak ada",
        "gak ada",
        "ga ada",
        "nggak ada",
        "ngga ada",
        "belum ada",
        "tidak punya",
        "gak punya",
        "belum punya",
        "ga punya",
        "no",
        "none",
        "nope",
        "no links",
        "nothing",
    }
)


def names_a_link(line: str) -> bool:
    """Whether a line holds a web address, an @handle, or a platform's name with a name after
    it ("Spotify: Sari & The Monsoons"; not "udah masuk belum kang ig", an attacker's review)."""
    if any(web_link(word.strip(AROUND_LINK)) for word in line.split()):
        return True
    if HANDLE.search(line) is not None:
        return True
    folded = fold(line).split()
    return any(
        word in PLATFORMS and set(folded[index + 1 :]) - CHAT_WORDS - PLATFORMS
        for index, word in enumerate(folded)
    )


# A handle with the platform named ("tiktok aku @naddie.sings", "ig @sari.music"): the
# profile's link, as each platform writes it.
_PROFILES = {
    **dict.fromkeys(("tiktok", "tt"), "https://www.tiktok.com/@{}"),
    **dict.fromkeys(("instagram", "ig", "insta"), "https://www.instagram.com/{}"),
    **dict.fromkeys(("youtube", "yt", "yutub"), "https://www.youtube.com/@{}"),
}
HANDLE = re.compile(r"@([A-Za-z0-9._]{1,30})")


def profile_link(text: str) -> str | None:
    """The profile link of the one @handle in a text that names its one platform."""
    handles = {match.group(1).rstrip(".") for match in HANDLE.finditer(text)}
    platforms = {_PROFILES[word] for word in fold(text).split() if word in _PROFILES}
    if len(handles) != 1 or len(platforms) != 1:
        return None
    return platforms.pop().format(handles.pop())


AROUND_LINK = ".,;:!?()[]<>\"'"  # punctuation of the sentence, not of the link


def web_link(text: str) -> str | None:
    """An http(s) link with a host name, "https://" added when it has no scheme, without its
    tracking parameters (`untracked`), or None."""
    if not text or any(c.isspace() for c in text):
        return None
    candidate = text if "://" in text else f"https://{text}"
    parts = _split(candidate)
    if parts is None:
        return None
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or "." not in host or "@" in parts.netloc:
        return None  # "@naddie.sings", "sari@gmail.com": a handle or an address, not a host
    if not host.rsplit(".", 1)[-1].isalpha():
        return None  # "1.5", "v2.0": a number, not a host
    return untracked(candidate)


def holds_data(text: str) -> bool:
    """Whether a text holds a word that is data, not words: a web link, or an "@" (an
    address, a handle)."""
    return any(web_link(word.strip(AROUND_LINK)) or "@" in word for word in text.split())


def _split(link: str) -> SplitResult | None:
    """A link's parts, or None where urlsplit refuses its host ("sari.music[at]gmail.com",
    "Album[2024]", a lone "[": an attacker's review found they crashed every text question)."""
    try:
        parts = urlsplit(link)
        parts.hostname  # noqa: B018 -- a bracketed host is checked here on some Pythons
    except ValueError:
        return None
    return parts


# Parameters a link carries for whoever shared it, not for the page (a talents' review:
# "vimeo.com/812345678?utm_source=ig&utm_medium=bio&fbclid=…" reached staff so): dropped before
# a link is stored. `si` only where it is a share id (YouTube, Spotify).
TRACKING = frozenset({"fbclid", "gclid", "igshid", "igsh"})
SHARE_ID_HOSTS = ("youtube.com", "youtu.be", "spotify.com")


def _tracking(host: str, key: str, value: str) -> bool:
    key = key.lower()
    if key.startswith("utm_") or key in TRACKING:
        return True
    if key == "feature" and value.lower() == "share":
        return True
    shared = host == "youtu.be" or any(
        host == name or host.endswith(f".{name}") for name in SHARE_ID_HOSTS
    )
    return key == "si" and shared


def untracked(link: str) -> str:
    """A link without its tracking parameters (TRACKING, utm_*, feature=share, YouTube's and
    Spotify's si) and its password (`without_its_password`); every other parameter
    (YouTube's v= and t=) kept as written, in order, and the fragment. A link without a
    scheme stays without."""
    link = without_its_password(link)
    schemeless = "://" not in link
    parts = _split(f"https://{link}" if schemeless else link)
    if parts is None or not parts.query:
        return link
    host = (parts.hostname or "").lower()
    kept = [
        pair
        for pair in parts.query.split("&")
        if pair
        and not _tracking(
            host, unquote_plus(pair.partition("=")[0]), unquote_plus(pair.partition("=")[2])
        )
    ]
    if len(kept) == len(parts.query.split("&")):
        return link  # nothing to drop: as typed
    cleaned = urlunsplit(parts._replace(query="&".join(kept)))
    return cleaned.removeprefix("https://") if schemeless else cleaned


# A link's own password ("vimeo.com/123?password=abc123", "…&pw=abc123", "?kata_sandi=…"):
# never stored with the link, its value masked where the message is kept
# (slips.without_password). A pair after "?", "&", ";" or "#", its key read without case,
# "-", "_" or "." ("Pass_Word"); the key possessive and stopped by every mark that may end
# it, so a long hostile word is read once.
PASSWORD_KEYS = frozenset(
    "password passwd pass pw pwd pswd psw passcode sandi katasandi".split()  # noqa: SIM905 -- a word list reads best as words
)
_PAIR = re.compile(r"(?<=[?&;#])(?P<key>[^=&;#?\s]++)=(?P<value>[^&;#\s]*+)")


def password_values(link: str) -> list[tuple[int, int]]:
    """Where the values of a typed link's password parameters are in it ("abc123" of
    "vimeo.com/123?password=abc123"); [] if it has none."""
    return [found.span("value") for found in _password_pairs(link)]


def _password_pairs(link: str) -> list[re.Match[str]]:
    starts = [at for at in (link.find("?"), link.find("#")) if at >= 0]
    if not starts:
        return []
    return [
        found
        for found in _PAIR.finditer(link, min(starts))
        if found.group("value")
        and re.sub(r"[-_.\s]", "", unquote_plus(found.group("key"))).casefold() in PASSWORD_KEYS
    ]


def without_its_password(link: str) -> str:
    """A link without its password parameters ("vimeo.com/123?password=abc123&t=5":
    "vimeo.com/123?t=5"), its other parameters and fragment as typed."""
    pairs = _password_pairs(link)
    for found in reversed(pairs):
        start, end = found.span()
        if link[start - 1] in "&;":
            start -= 1  # "…&pw=x": with the mark before it
        elif end < len(link) and link[end] in "&;":
            end += 1  # "?pw=x&t=5": with the mark after it
        link = link[:start] + link[end:]
    return re.sub(r"[?#](?=#|$)", "", link) if pairs else link


def untracked_in(text: str) -> str:
    """A text with each web link in it without its tracking parameters (`untracked`), the
    rest as typed."""

    def one(match: re.Match[str]) -> str:
        word = match.group(0)
        core = word.strip(AROUND_LINK)
        if not core or web_link(core) is None:
            return word
        return word.replace(core, untracked(core), 1)

    return re.sub(r"\S+", one, text)


# Where a link is someone's page rather than one work: its host (without "www." or "m."),
# and how its path starts ("" any one name: "instagram.com/tobasinema", "tiktok.com/@x").
_PROFILE_PATHS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(
        (
            "instagram.com",
            "tiktok.com",
            "facebook.com",
            "fb.com",
            "twitter.com",
            "x.com",
            "threads.net",
            "letterboxd.com",
            "behance.net",
            "soundcloud.com",
        ),
        ("",),
    ),
    "imdb.com": ("name/",),
    "linkedin.com": ("in/", "company/"),
    "youtube.com": ("@", "channel/", "c/", "user/"),
    "open.spotify.com": ("artist/",),
}


def profile_addresses(lines: list[str]) -> bool:
    """Whether the lines of a text of links (slips.named_links) are profiles, not works: each
    an @handle or a page of someone on a platform ("Instagram: instagram.com/tobasinema",
    "imdb.com/name/nm1234567"; not "youtu.be/…" nor "imdb.com/title/…", a film, nor a video
    on Instagram), a platform's name alone ("IMDb" of "IMDb saya: …") besides them. A
    talents' review s65, F2: sent straight after the links, one was stored as the proudest
    work."""
    named = False
    for line in lines:
        links = [web_link(word.strip(AROUND_LINK)) for word in line.split()]
        found = [link for link in links if link is not None]
        if not found and HANDLE.search(line) is None:
            continue  # "IMDb": what the next is
        if not all(_a_profile(link) for link in found):
            return False
        named = True
    return named


# One-segment pages of those platforms that show a work, not someone: a Facebook video,
# post or photo ("facebook.com/watch?v=…", "story.php?story_fbid=…"; a review s65: a concert
# video sent as the proudest work was moved to the links as a profile).
_NOT_PROFILES = frozenset(
    {"watch", "story.php", "photo.php", "permalink.php", "video.php", "reel", "reels", "share"}
)


def _a_profile(link: str) -> bool:
    parts = _split(link)
    if parts is None:
        return False
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    path = parts.path.strip("/")
    if host.endswith(".bandcamp.com"):
        return not path
    starts = _PROFILE_PATHS.get(host)
    if starts is None or not path:
        return False
    segments = path.split("/")
    if starts == ("",):
        return len(segments) == 1 and segments[0].lower() not in _NOT_PROFILES
    # "name/nm1234567", "@tobasinema", "channel/UC…": the page itself, or one tab of it.
    return any(path.startswith(start) for start in starts) and len(segments) <= 3
