from pathlib import Path

import pytest

from index.errors import ConfigError
from index.settings import PROJECT_ROOT, Settings, describe


def test_readme_lists_every_setting():
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    for env, _, _ in describe():
        assert f"`{env}`" in readme, env


def test_settings_from_environment(tmp_path):
    s = Settings.from_env({"IA_DATA_DIR": str(tmp_path), "IA_QUERY_THREADS": "2", "IA_COLLECTION": "abc"})
    assert s.data_dir == tmp_path and s.query_threads == 2 and s.collection == "abc"
    assert s.chroma_dir == tmp_path / "chroma"


@pytest.mark.parametrize("env, message", [
    ({"IA_QUERY_THREADS": "many"}, "IA_QUERY_THREADS='many' is not a valid int"),
    ({"IA_COLLECTION": "ab"}, "too short"),
    ({"IA_BATCH_SIZE": "0"}, "batch_size must be at least 1"),
])
def test_bad_settings_are_clear(env, message):
    with pytest.raises(ConfigError, match=message):
        Settings.from_env(env)
