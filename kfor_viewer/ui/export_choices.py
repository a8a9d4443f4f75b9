"""What the export dialog remembers between uses: the last format, options and folder, kept in
the application's settings under [export]."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings

GROUP = "export"


@dataclass
class ExportChoices:
    format: str = "md"
    group_by: str = "tag"
    include_fields: bool = True
    include_images: bool = False
    folder: str = ""

    @classmethod
    def load(cls, settings: QSettings | None) -> ExportChoices:
        if settings is None:
            return cls()
        defaults = cls()

        def text(key: str, default: str) -> str:
            return str(settings.value(f"{GROUP}/{key}", default))

        return cls(
            format=text("format", defaults.format),
            group_by=text("group_by", defaults.group_by),
            include_fields=text("fields", "true") == "true",
            include_images=text("images", "false") == "true",
            folder=text("folder", ""),
        )

    def save(self, settings: QSettings | None) -> None:
        if settings is None:
            return
        settings.setValue(f"{GROUP}/format", self.format)
        settings.setValue(f"{GROUP}/group_by", self.group_by)
        settings.setValue(f"{GROUP}/fields", str(self.include_fields).lower())
        settings.setValue(f"{GROUP}/images", str(self.include_images).lower())
        settings.setValue(f"{GROUP}/folder", self.folder)

    def folder_or(self, fallback: Path) -> Path:
        """The remembered folder when it still exists, else `fallback`."""
        return Path(self.folder) if self.folder and Path(self.folder).is_dir() else fallback
