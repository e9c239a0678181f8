"""Every knob of the bot: one pydantic-settings class read from the environment and `.env`."""

from __future__ import annotations

import contextlib
import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Annotated, Any, Literal, NamedTuple
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.placeholders import placeholder_in

PACKAGED_CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"

Language = Literal["id", "en"]
MIN_ERASURE_KEY = 32  # characters; `openssl rand -hex 32` gives 64
FORWARD_TO_LIMIT = 60  # characters: the name is read inside a sentence and a consent line


class QuietHours(NamedTuple):
    """A daily time range in Asia/Jakarta time; it may run past midnight (21:00-08:00)."""

    start: time
    end: time


_DURATION = re.compile(r"(\d+)\s*([smhd])")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}
_QUIET = re.compile(r"(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})")


def parse_durations(text: str) -> tuple[timedelta, ...]:
    """ "24h,72h" as durations; empty means none. Units: s, m, h, d."""
    delays = []
    for part in (part.strip().lower() for part in text.split(",")):
        if not part:
            continue
        match = _DURATION.fullmatch(part)
        if match is None:
            raise ValueError(f"{part!r} is not a duration such as 24h")
        delays.append(timedelta(**{_UNITS[match[2]]: int(match[1])}))
    return tuple(delays)


def written_duration(delay: timedelta) -> str:
    """A duration setting read back in its largest whole unit: "1 min", "1 h", "7 d"."""
    seconds = int(delay.total_seconds())
    for unit, size in (("d", 86_400), ("h", 3_600), ("min", 60)):
        if seconds and seconds % size == 0:
            return f"{seconds // size} {unit}"
    return f"{seconds} s"


_WAIT = re.compile(r"([a-z0-9_]{1,20})\s*=\s*(\d{1,4})")
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})")


def parse_wait_days(text: str) -> dict[str, int]:
    """ "baru=3,ditinjau=7" as {stage key: days}; empty means no stage has a limit."""
    limits: dict[str, int] = {}
    for part in (part.strip().lower() for part in text.split(",")):
        if not part:
            continue
        match = _WAIT.fullmatch(part)
        if match is None or int(match[2]) < 1:
            raise ValueError(f"{part!r} is not a stage and days such as baru=3")
        limits[match[1]] = int(match[2])
    return limits


def parse_clock(text: str) -> time | None:
    """ "09:00" as a time of day; empty means none."""
    if not text.strip():
        return None
    match = _CLOCK.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"{text!r} is not a time such as 09:00")
    try:
        return time(int(match[1]), int(match[2]))
    except ValueError:
        raise ValueError(f"{text!r} is not a time of day") from None


def parse_quiet_hours(text: str) -> QuietHours | None:
    """ "21:00-08:00" as a QuietHours; empty means none."""
    if not text.strip():
        return None
    match = _QUIET.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"{text!r} is not a range such as 21:00-08:00")
    start_hour, start_minute, end_hour, end_minute = (int(group) for group in match.groups())
    try:
        hours = QuietHours(time(start_hour, start_minute), time(end_hour, end_minute))
    except ValueError:
        raise ValueError(f"{text!r} has a time that does not exist") from None
    if hours.start == hours.end:
        raise ValueError("start and end are the same time")
    return hours


LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
MAX_WEB_AUTH_AGE = timedelta(days=7)
_SHOWN_PATH = 30  # characters of a refused WEB_URL path repeated in the error


def check_web_url(value: str) -> str:
    """WEB_URL without a trailing slash; ValueError naming what is wrong."""
    url = value.strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ValueError("must be an https:// address such as https://desk.example.org")
    # "…/?" has an empty query, which urlsplit does not report: the "?" says one was meant.
    if (
        parts.query
        or parts.fragment
        or "?" in url
        or "#" in url
        or parts.username
        or parts.password
    ):
        raise ValueError(
            "must be the bare address https://host[:port], with no query, fragment or user name"
        )
    if parts.path:
        # The bot serves the workspace at /staff/ of this address, with no prefix: a path here
        # (…/staff, …/kocca) would make the Mini App's address …/staff/staff/, a 404.
        path = parts.path if len(parts.path) <= _SHOWN_PATH else parts.path[:_SHOWN_PATH] + "…"
        raise ValueError(
            f"must be the bare address https://host[:port], with no path (not {path}):"
            " the workspace is served at WEB_URL/staff/"
        )
    if parts.scheme == "http" and parts.hostname not in LOOPBACK_HOSTS:
        raise ValueError(
            "must be an https:// address (http:// only on this machine: 127.0.0.1 or localhost)"
        )
    return url


def _folder_problem(folder: Path) -> str | None:
    """Why the bot could not write in `folder` (making it first if missing), or None.

    A missing folder's first part is made and removed again here: for root, `os.access` says
    yes to any folder, even one where nothing can be made (/proc), and a name may be too long;
    the bot would then stop with a traceback at its first write."""
    existing, first_missing = folder, None
    while not existing.exists():
        existing, first_missing = existing.parent, existing
    if not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK):
        return f"folder {folder} is not writable"
    if first_missing is not None:
        try:
            first_missing.mkdir(mode=0o700)
        except FileExistsError:
            return None  # made meanwhile, by the bot's first start or its operator
        except OSError as error:
            return f"folder {folder} cannot be made: {error.strerror or error}"
        with contextlib.suppress(OSError):  # in use already (another process made it too)
            first_missing.rmdir()
    return None


# Telegram's setWebhook secret_token: 1-256 characters, only A-Z, a-z, 0-9, _ and -.
_WEBHOOK_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")


class SettingsError(Exception):
    """A setting has a value the bot cannot work with; the message names it."""


@dataclass(frozen=True, slots=True)
class Controller:
    """Who is responsible for talents' data (UU PDP): named in the privacy notice and help."""

    name: str
    contact: str
    address: str | None = None


@dataclass(frozen=True, slots=True)
class Forwarding:
    """Whom this deployment passes leads on to (FORWARD_TO), as talents read the name, and
    whether that is a transfer outside Indonesia (FORWARD_ABROAD, UU PDP Pasal 56)."""

    recipient: str
    abroad: bool


@dataclass(frozen=True, slots=True)
class PrivacyFacts:
    """What the privacy texts state from the settings: who is responsible, how long data stays,
    and whether (and to whom) leads are passed on (None: they are not)."""

    controller: Controller
    conversation_days: int  # LOG_RETENTION_DAYS
    draft_days: int  # DRAFT_RETENTION_DAYS
    forwarding: Forwarding | None = None


# What `kocca-bot chat` shows: obviously not a real organisation.
DEMO_CONTROLLER = Controller(
    name="DEMO operator, set CONTROLLER_NAME", contact="demo@example.invalid"
)


_OLD_BACKUP_DEFAULT = Path("data/backups")  # BACKUP_DIR in config.example.env until 2026-12

# The settings file read from the working directory; it holds the token, so it is kept 0600.
ENV_FILE = Path(".env")


class Settings(BaseSettings):
    """Configuration of one bot process. Names match the environment variables."""

    model_config = SettingsConfigDict(
        env_file=ENV_FILE,
        env_file_encoding="utf-8",
        extra="ignore",
        case_sensitive=False,
    )

    bot_token: SecretStr | None = None
    bot_api_url: str = "https://api.telegram.org/bot"
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    staff_chat_id: int | None = None
    # Whether any member of the staff group may answer talents in the bot's name (False: only
    # ADMIN_IDS; the others' replies stay in the group, with a short note).
    staff_reply_anyone: bool = False
    database_path: Path = Path("data/kocca.db")
    content_dir: Path = PACKAGED_CONTENT_DIR
    default_language: Language = "id"
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    # The staff workspace (bot/web/): a Telegram Mini App at {WEB_URL}/staff/. Unset: none.
    web_url: str | None = None
    web_listen: str = "127.0.0.1"
    web_port: int = Field(default=8080, ge=1, le=65535)
    # How long Telegram's signed init data opens the workspace after Telegram signed it.
    web_auth_max_age: Annotated[timedelta, NoDecode] = timedelta(hours=1)
    # Connections open at once on the bot's HTTP server (webhook or workspace), at most half
    # the process's file descriptors (bot/transport/slow_clients.py).
    max_connections: int = Field(default=256, ge=1)
    log_level: str = "INFO"
    log_retention_days: int = Field(default=365, ge=1)
    draft_retention_days: int = Field(default=90, ge=1)
    # Bulk sends (announcements, reminders, stage updates) per second. Telegram allows about
    # 30: the rest is left for replies, as a talent who writes mid-run may get two or three
    # messages at once (at 29, the first reply after a quiet spell met a 429).
    broadcast_rate: float = Field(default=26.0, gt=0, le=30)
    flood_limit: int = Field(default=20, ge=1)
    flood_window_seconds: float = Field(default=10.0, gt=0)
    # New registrations one account may send in 24 hours (updating one is never limited): a
    # script on one account sent thousands a day, each with a staff alert (an attacker's
    # review).
    registrations_per_day: int = Field(default=3, ge=1)
    # Characters of message text the conversation log keeps per talent and day (UTC), in and
    # out, free questions' texts too; beyond it, only what each message was and its length
    # (a free question: its masked summary). 0: lengths only.
    log_text_per_day: int = Field(default=100_000, ge=0)
    # Operations: the daily backup (None turns it off) and the erasure-record key.
    # Relative to the database's folder, so the backups sit beside the data wherever the
    # command is started from.
    backup_dir: Path | None = Path("backups")
    backup_keep: int = Field(default=14, ge=1)
    erasure_key: SecretStr | None = None
    # Reminders for unfinished registrations (bot/outreach/reminders.py).
    reminder_delays: Annotated[tuple[timedelta, ...], NoDecode] = (
        timedelta(hours=24),
        timedelta(hours=72),
    )
    quiet_hours: Annotated[QuietHours | None, NoDecode] = QuietHours(time(21), time(8))
    # Waiting leads and the daily digest (bot/leads/waiting.py, bot/leads/digest.py): days a
    # lead may stay in a stage before it "waits", and when the digest goes (WIB, Mon-Fri).
    lead_wait_days: Annotated[dict[str, int], NoDecode] = Field(
        default_factory=lambda: {"baru": 3, "ditinjau": 7, "dihubungi": 14}
    )
    digest_time: Annotated[time | None, NoDecode] = time(9)
    # Free questions matched to the FAQ and program pages (bot/answers): the confidence (0-1)
    # a match needs to be answered directly, to be offered as a suggestion, and for a
    # question typed after /tanya to be answered before it goes to staff. Defaults chosen
    # with benchmarks/ask_match.py (docs/performance.md).
    ask_answer_confidence: float = Field(default=0.35, ge=0, le=1)
    ask_suggest_confidence: float = Field(default=0.10, ge=0, le=1)
    ask_relay_confidence: float = Field(default=0.90, ge=0, le=1)
    controller_name: str | None = Field(default=None, max_length=200)
    controller_contact: str | None = Field(default=None, max_length=200)
    controller_address: str | None = Field(default=None, max_length=300)
    # Whether leads are passed on, and to whom: a fact of the deployment, never of content.
    # Unset: they are not (no forwarding consent is asked, the forwarding stage is refused).
    forward_to: str | None = Field(default=None, max_length=FORWARD_TO_LIMIT)
    forward_abroad: bool = False

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_admin_ids(cls, value: Any) -> Any:
        """Accept "1, 2,3" as well as a list."""
        if isinstance(value, str):
            parts = [part.strip() for part in value.split(",") if part.strip()]
            ids = []
            for part in parts:
                if not part.lstrip("-").isdigit():
                    raise ValueError(f"{part!r} is not a numeric Telegram user id")
                ids.append(int(part))
            return frozenset(ids)
        return value

    @field_validator("admin_ids")
    @classmethod
    def _people_not_groups(cls, value: frozenset[int]) -> frozenset[int]:
        """A person's user id is positive; a negative one is a group's or channel's, pasted
        into the wrong setting (the staff group goes in STAFF_CHAT_ID)."""
        lowest = min(value, default=1)
        if lowest < 0:
            raise ValueError(
                f"{lowest} is a group's or channel's id, not a person's: user ids are positive;"
                " the staff group's id goes in STAFF_CHAT_ID"
            )
        if lowest == 0:
            raise ValueError("0 is not a user id")
        return value

    @field_validator(
        "staff_chat_id",
        "webhook_url",
        "web_url",
        "webhook_secret",
        "bot_token",
        "backup_dir",
        "erasure_key",
        mode="before",
    )
    @classmethod
    def _empty_is_unset(cls, value: Any) -> Any:
        """An empty line in .env (`STAFF_CHAT_ID=`) means the setting is not used."""
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @field_validator("reminder_delays", mode="before")
    @classmethod
    def _parse_reminder_delays(cls, value: Any) -> Any:
        """Accept "24h,72h"; the delays must grow, each reminder after the one before."""
        delays = parse_durations(value) if isinstance(value, str) else tuple(value)
        if any(delay <= timedelta(0) for delay in delays):
            raise ValueError("every delay must be longer than zero")
        if any(later <= earlier for earlier, later in pairwise(delays)):
            raise ValueError("each delay must be longer than the one before")
        return delays

    @field_validator("web_url")
    @classmethod
    def _check_web_url(cls, value: str | None) -> str | None:
        """https (Telegram opens Mini Apps only there); http only on this machine, to try it."""
        return None if value is None else check_web_url(value)

    @field_validator("web_auth_max_age", mode="before")
    @classmethod
    def _parse_web_auth_max_age(cls, value: Any) -> Any:
        """Accept "1h", "30m" or a number of seconds; between a minute and a week."""
        given = value
        if isinstance(value, str):
            text = value.strip()
            value = timedelta(seconds=int(text)) if text.isdigit() else parse_durations(text)
            if isinstance(value, tuple):
                if len(value) != 1:
                    raise ValueError("one duration, such as 1h")
                value = value[0]
        if isinstance(value, int | float):
            value = timedelta(seconds=value)
        if not timedelta(minutes=1) <= value <= MAX_WEB_AUTH_AGE:
            given = given.strip() if isinstance(given, str) else written_duration(value)
            raise ValueError(f"not {given}")
        return value

    @field_validator("quiet_hours", mode="before")
    @classmethod
    def _parse_quiet_hours(cls, value: Any) -> Any:
        """Accept "21:00-08:00"; empty turns quiet hours off."""
        return parse_quiet_hours(value) if isinstance(value, str) else value

    @field_validator("lead_wait_days", mode="before")
    @classmethod
    def _parse_wait_days(cls, value: Any) -> Any:
        """Accept "baru=3,ditinjau=7,dihubungi=14"; empty: no lead ever waits."""
        return parse_wait_days(value) if isinstance(value, str) else value

    @field_validator("digest_time", mode="before")
    @classmethod
    def _parse_digest_time(cls, value: Any) -> Any:
        """Accept "09:00"; empty turns the daily digest off."""
        return parse_clock(value) if isinstance(value, str) else value

    @field_validator(
        "controller_name", "controller_contact", "controller_address", "forward_to", mode="before"
    )
    @classmethod
    def _trimmed_or_unset(cls, value: Any) -> Any:
        """Shown to talents as written, without stray spaces; empty means not set."""
        if isinstance(value, str):
            return value.strip() or None
        return value

    @field_validator("bot_api_url")
    @classmethod
    def _check_api_url(cls, value: str) -> str:
        """The token is appended to this URL, as python-telegram-bot's base_url does."""
        if not value.startswith(("http://", "https://")):
            raise ValueError("must be an http(s) URL")  # _EXPECTED says it in full
        return value

    @field_validator("log_level")
    @classmethod
    def _check_log_level(cls, value: str) -> str:
        """Only the standard logging level names."""
        level = value.strip().upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError(f"not {value.strip()}")
        return level

    @field_validator("content_dir", mode="before")
    @classmethod
    def _empty_is_packaged(cls, value: Any) -> Any:
        """An empty line in .env (`CONTENT_DIR=`) means the packaged content, as unset does,
        not the working directory (`Path("")` is ".")."""
        if isinstance(value, str) and not value.strip():
            return PACKAGED_CONTENT_DIR
        return value

    @field_validator("content_dir")
    @classmethod
    def _check_content_dir(cls, value: Path) -> Path:
        """The content folder must exist; its files are checked by the content loader."""
        if not value.is_dir():
            raise ValueError(f"folder {value} does not exist")
        return value

    @field_validator("database_path")
    @classmethod
    def _check_database_folder(cls, value: Path) -> Path:
        """Fail early on a folder the bot could never write to, or never make."""
        folder = value.expanduser().resolve().parent
        try:
            problem = _folder_problem(folder)
        except OSError as error:  # a name too long, a path the system refuses to look up
            problem = f"folder {folder} cannot be made: {error.strerror or error}"
        if problem:
            raise ValueError(problem)
        return value.expanduser()

    @field_validator("erasure_key")
    @classmethod
    def _check_erasure_key(cls, value: SecretStr | None) -> SecretStr | None:
        """A short key would make the erasure records guessable again."""
        if value is not None and len(value.get_secret_value().strip()) < MIN_ERASURE_KEY:
            raise ValueError(f"must be at least {MIN_ERASURE_KEY} characters")
        return value

    @model_validator(mode="after")
    def _check_ask_thresholds(self) -> Settings:
        """A suggestion needs less confidence than an answer, or nothing is ever suggested."""
        if self.ask_suggest_confidence > self.ask_answer_confidence:
            raise ValueError("ASK_SUGGEST_CONFIDENCE must not be higher than ASK_ANSWER_CONFIDENCE")
        return self

    @field_validator("webhook_secret")
    @classmethod
    def _check_webhook_secret(cls, value: SecretStr | None) -> SecretStr | None:
        """Telegram takes a secret token of 1-256 characters A-Z a-z 0-9 _ - only: any other
        would be refused at setWebhook, after the start looked fine. Never shown."""
        if value is not None and not _WEBHOOK_SECRET.fullmatch(value.get_secret_value()):
            raise ValueError(
                "must be 1 to 256 characters of A-Z, a-z, 0-9, _ and - only (what Telegram"
                " accepts; no spaces or other signs): make one with openssl rand -hex 32"
            )
        return value

    @model_validator(mode="after")
    def _check_webhook(self) -> Settings:
        """Webhook mode without a secret would accept forged updates from anyone."""
        if self.webhook_url and self.webhook_secret is None:
            raise ValueError("WEBHOOK_SECRET is required when WEBHOOK_URL is set")
        return self

    @model_validator(mode="after")
    def _check_forwarding(self) -> Settings:
        """FORWARD_ABROAD describes the FORWARD_TO recipient: alone it would mean nothing."""
        if self.forward_abroad and self.forward_to is None:
            raise ValueError(
                "FORWARD_ABROAD=true needs FORWARD_TO (whom leads are passed on to);"
                " without FORWARD_TO leads are not passed on at all"
            )
        marker = placeholder_in(self.forward_to or "")
        if marker:
            raise ValueError(
                f"FORWARD_TO still holds the placeholder {marker!r}: write the real name"
                " (talents read it) or leave it empty"
            )
        return self

    @model_validator(mode="after")
    def _backups_beside_the_database(self) -> Settings:
        """A relative BACKUP_DIR is read from the database's folder, not the working directory."""
        if self.backup_dir is not None and not self.backup_dir.expanduser().is_absolute():
            folder = self.backup_dir
            if folder == _OLD_BACKUP_DEFAULT and self.database_path.parent == Path("data"):
                # .env files copied from the example before 2026-12 name the folder from the
                # working directory; the backups they mean are data/backups, beside the data.
                folder = Path("backups")
            self.backup_dir = self.database_path.parent / folder
        elif self.backup_dir is not None:
            self.backup_dir = self.backup_dir.expanduser()
        return self

    @property
    def workspace_url(self) -> str | None:
        """The staff workspace's page (a Mini App), or None when WEB_URL is unset."""
        return None if self.web_url is None else f"{self.web_url}/staff/"

    @property
    def log_level_number(self) -> int:
        """The numeric logging level."""
        return logging.getLevelNamesMapping()[self.log_level]

    def is_admin(self, user_id: int | None) -> bool:
        """Whether a Telegram user id belongs to staff."""
        return user_id is not None and user_id in self.admin_ids

    @property
    def erasure_key_file(self) -> Path:
        """Where the generated erasure key lives when ERASURE_KEY is not set: beside the data."""
        return self.database_path.parent / "erasure.key"

    def controller(self) -> Controller:
        """Who is responsible for talents' data; raises SettingsError naming what is missing."""
        missing = [
            name
            for name, value in (
                ("CONTROLLER_NAME", self.controller_name),
                ("CONTROLLER_CONTACT", self.controller_contact),
            )
            if not value
        ]
        if missing or self.controller_name is None or self.controller_contact is None:
            raise SettingsError(
                f"Configuration error: {' and '.join(missing)} must be set: who is responsible"
                " for talents' data, shown in the privacy notice (see config.example.env)"
            )
        for name in ("controller_name", "controller_contact", "controller_address"):
            marker = placeholder_in(getattr(self, name) or "")
            if marker:
                raise SettingsError(
                    f"Configuration error: {name.upper()} still holds the placeholder"
                    f" {marker!r}: write the real value (talents read it)"
                )
        return Controller(self.controller_name, self.controller_contact, self.controller_address)

    def forwarding(self) -> Forwarding | None:
        """Whom leads are passed on to (FORWARD_TO, FORWARD_ABROAD); None: they are not."""
        if self.forward_to is None:
            return None
        return Forwarding(self.forward_to, self.forward_abroad)

    def privacy_facts(self) -> PrivacyFacts:
        """The controller, retention periods and forwarding the privacy texts state
        (SettingsError if the controller is unset)."""
        return PrivacyFacts(
            self.controller(),
            self.log_retention_days,
            self.draft_retention_days,
            self.forwarding(),
        )

    def token(self) -> str:
        """The bot token; raises SettingsError when it is missing."""
        if self.bot_token is None:
            raise SettingsError("BOT_TOKEN is not set")
        return self.bot_token.get_secret_value()

    def secrets(self) -> list[str]:
        """The values never to show anywhere: the bot token and the webhook secret, if set."""
        values = (self.bot_token, self.webhook_secret)
        return [value.get_secret_value() for value in values if value is not None]


_EXPECTED = {
    "admin_ids": "comma-separated numeric Telegram user ids, e.g. 12345,67890",
    "staff_chat_id": "a numeric chat id, e.g. -1001234567890",
    "default_language": "id or en",
    "database_path": "a file path in a writable folder",
    "content_dir": "an existing folder with the content YAML files",
    "webhook_port": "a port number between 1 and 65535",
    "web_port": "a port number between 1 and 65535",
    "web_auth_max_age": "a duration between 1m and 7d such as 1h (units s, m, h, d)",
    "max_connections": "a whole number of connections, 1 or more",
    "log_level": "one of DEBUG, INFO, WARNING, ERROR, CRITICAL",
    "bot_api_url": "an http(s) URL such as https://api.telegram.org/bot",
    "backup_keep": "a whole number of backups to keep, 1 or more",
    "erasure_key": f"a secret of at least {MIN_ERASURE_KEY} characters (openssl rand -hex 32)",
    "reminder_delays": (
        "a comma-separated list of growing durations such as 24h,72h (units s, m, h, d),"
        " or empty for no reminders"
    ),
    "quiet_hours": "a range HH:MM-HH:MM in Asia/Jakarta time such as 21:00-08:00, or empty",
    "forward_to": (
        f"the recipient's name as talents read it, at most {FORWARD_TO_LIMIT} characters"
        " (e.g. KOCCA Indonesia (Jakarta)), or empty"
    ),
    "forward_abroad": "true or false (whether FORWARD_TO is outside Indonesia)",
    "lead_wait_days": (
        "comma-separated stage keys with days such as baru=3,ditinjau=7,dihubungi=14, or empty"
    ),
    "digest_time": "a time HH:MM in Asia/Jakarta time such as 09:00, or empty for no digest",
    "ask_answer_confidence": "a number from 0 to 1, such as 0.30",
    "ask_suggest_confidence": "a number from 0 to 1, such as 0.20",
    "ask_relay_confidence": "a number from 0 to 1, such as 0.90",
}


# pydantic's checks of a value, said as the end of "X must be …".
_RULES: dict[str, str] = {
    "less_than_equal": "at most {le}",
    "less_than": "less than {lt}",
    "greater_than_equal": "at least {ge}",
    "greater_than": "more than {gt}",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_parsing": "a number",
    "bool_parsing": "true or false",
    "literal_error": "one of {expected}",
    "string_too_long": "at most {max_length} characters long",
    "string_too_short": "at least {min_length} characters long",
    "missing": "set",
}


_SHOWS_INPUT = {
    "less_than_equal",
    "less_than",
    "greater_than_equal",
    "greater_than",
    "int_parsing",
    "int_from_float",
    "float_parsing",
    "bool_parsing",
    "literal_error",
}
_SHOWN_INPUT = 12  # characters


def _number(value: Any) -> Any:
    """30.0 as 30: limits read as people write them."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def describe_error(error: ValidationError, names: Mapping[str, str] | None = None) -> str:
    """One sentence naming the first bad variable (or the command-line flag that gave it, from
    `names`) and what it must be: "BROADCAST_RATE must be at most 30 (not 31)"."""
    first = error.errors()[0]
    problem = first["msg"].removeprefix("Value error, ")
    field = str(first["loc"][0]) if first["loc"] else ""
    if not field:
        return f"Configuration error: {problem}"
    name = (names or {}).get(field, field.upper())
    rule = _RULES.get(first["type"])
    if rule is not None and field in _EXPECTED and first["type"] in _SHOWS_INPUT:
        rule = _EXPECTED[field]  # the setting's own words say more than "a whole number"
    if rule is not None:
        limits = {key: _number(value) for key, value in first.get("ctx", {}).items()}
        expected = rule.format(**limits)
        given = first.get("input")
        # Only short values are repeated: a long one may be a secret typed in the wrong line.
        short = isinstance(given, str | int | float) and 0 < len(str(given)) <= _SHOWN_INPUT
        shown = f" (not {given})" if short and first["type"] in _SHOWS_INPUT else ""
        return f"Configuration error: {name} must be {expected}{shown}"
    if field not in _EXPECTED:  # the validator's own words are the whole sentence
        joined = " " if problem.startswith("must ") else ": "
        return f"Configuration error: {name}{joined}{problem}"
    expected = _EXPECTED[field]
    # What the validator found, unless it only says again what the value must be; pydantic's
    # own text ("Input should be …") is never shown.
    ours = first["type"] == "value_error"
    said = problem.startswith("must ") or problem in expected
    line = f"Configuration error: {name} must be {expected}"
    return f"{line} ({problem})" if ours and not said else line


def load_settings(**overrides: Any) -> Settings:
    """Read settings from the environment and .env; raise SettingsError with one clear line."""
    return settings_with_flags(overrides, {})


def settings_with_flags(overrides: Mapping[str, Any], flags: Mapping[str, str]) -> Settings:
    """Settings with values given by command-line flags; an error names the flag the operator
    typed (`flags`: setting name -> "--draft-days"), not the setting."""
    try:
        return Settings(**overrides)
    except ValidationError as error:
        raise SettingsError(describe_error(error, flags)) from None
