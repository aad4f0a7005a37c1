"""What the credit-line reader returns: credits and leads, and its limits."""

import re
from dataclasses import dataclass

PHOTO_MARK = "摄"
# The longest line read as a credit line; a lead's credits are looked for in its start.
MAX_CREDIT_LINE = 200
LEAD_WINDOW = 240


@dataclass(frozen=True)
class Credit:
    """One role group of a credit line: ``株洲日报全媒体记者/杨如`` → unit, role, names."""

    unit: str
    role: str
    names: tuple[str, ...]
    photo: bool = False


@dataclass
class Lead:
    """A paragraph opening with a dateline or a lead credit, cut into its parts."""

    credits: list[Credit]
    dateline: str  # place and date as printed (北京3月5日); "" for none
    rest: str  # the body text after the wrapper


_PLAUSIBLE_NAME = re.compile(r"^[\u3400-\u9fff·•]{2,6}$")


def is_plausible_name(token):
    """A printed Chinese personal name: two to six Han characters (with · for some)."""
    return bool(_PLAUSIBLE_NAME.match(token))
