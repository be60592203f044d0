import json
import os
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings


@pytest.fixture
def huaian_2024() -> tuple[dict[str, Any], str]:
    """The Huai'an 2024 report (tables transcribed from the published PDF, and its text), from ../shared."""
    shared = Path(os.environ.get("GONGKAI_SHARED_DIR", Path(settings.BASE_DIR).parent / "shared"))
    folder = shared / "corpus" / "annual_reports"
    tables, text = folder / "huaian_2024_annual_report.tables.json", folder / "huaian_2024_annual_report.txt"
    if not tables.exists() or not text.exists():
        pytest.skip(f"the published-report corpus is not at {folder} (set GONGKAI_SHARED_DIR)")
    return json.loads(tables.read_text(encoding="utf-8")), text.read_text(encoding="utf-8")
