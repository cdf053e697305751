"""PEP 517 build backend for the pre-commit hook `section55` (stdlib only, so it builds offline).

pre-commit installs a `language: python` hook with `pip install .` in its clone of this
repository. Building the real package there would compile the crate, so this backend builds a
wheel with no code, `section55-pre-commit`, whose one dependency is the `section55` wheel of the
same version (maturin, `bindings = "bin"`): pip takes that prebuilt wheel from PyPI, or from
PIP_FIND_LINKS, and nothing compiles.
"""

import base64
import hashlib
import os
import re
import zipfile

NAME = "section55_pre_commit"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _version():
    with open(os.path.join(ROOT, "Cargo.toml"), encoding="utf-8") as f:
        match = re.search(r'^version = "([^"]+)"$', f.read(), re.MULTILINE)
    if not match:
        raise RuntimeError("no version in Cargo.toml")
    return match.group(1)


def _metadata(version):
    return (
        "Metadata-Version: 2.1\n"
        f"Name: section55-pre-commit\nVersion: {version}\n"
        "Summary: Installs the prebuilt section55 binary for the pre-commit hook\n"
        f"Requires-Dist: section55=={version}\n"
    )


def _wheel_info():
    return "Wheel-Version: 1.0\nGenerator: section55_pre_commit\nRoot-Is-Purelib: true\nTag: py3-none-any\n"


def _record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}\n"


def get_requires_for_build_wheel(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    version = _version()
    info = f"{NAME}-{version}.dist-info"
    os.makedirs(os.path.join(metadata_directory, info), exist_ok=True)
    for name, text in (("METADATA", _metadata(version)), ("WHEEL", _wheel_info())):
        with open(os.path.join(metadata_directory, info, name), "w", encoding="utf-8") as f:
            f.write(text)
    return info


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    version = _version()
    info = f"{NAME}-{version}.dist-info"
    files = {f"{info}/METADATA": _metadata(version).encode(), f"{info}/WHEEL": _wheel_info().encode()}
    record = "".join(_record_line(name, data) for name, data in files.items()) + f"{info}/RECORD,,\n"
    files[f"{info}/RECORD"] = record.encode()
    wheel = f"{NAME}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(os.path.join(wheel_directory, wheel), "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data)
    return wheel
