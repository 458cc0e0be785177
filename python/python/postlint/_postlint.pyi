# Type stubs of the native module (python/src/lib.rs).
from typing import List, Optional

__version__: str

class PostlintError(Exception):
    """A guideline, a post or an argument postlint cannot use; ``str()`` is the command
    line's text (``postlint.toml:2:8: unknown rule …``)."""

    message: str
    path: Optional[str]
    line: Optional[int]
    column: Optional[int]
    kind: str
    help: Optional[str]

class NativeLinter:
    def __init__(
        self,
        toml: Optional[str] = None,
        path: Optional[str] = None,
        locale: Optional[str] = None,
        date: Optional[str] = None,
        allow_outside_paths: bool = False,
    ) -> None: ...
    @property
    def locale(self) -> str: ...
    def check_json(
        self,
        text: str,
        source: str = "-",
        platforms: Optional[List[str]] = None,
        language: Optional[str] = None,
        date: Optional[str] = None,
    ) -> str: ...
    def check_many_json(
        self,
        texts: List[str],
        platforms: Optional[List[str]] = None,
        language: Optional[str] = None,
        date: Optional[str] = None,
        threads: int = 0,
    ) -> List[str]: ...
