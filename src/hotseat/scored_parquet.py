"""Scored calls written as Parquet, for a data lake: one row per call.

Workers render JSON Lines as ever; this sink turns each chunk of lines into a record
batch (a row group), so Parquet output holds exactly what JSON Lines output holds:
the verdict as columns, the findings as their JSON text. Closing it writes the footer,
after a Ctrl+C too, so an interrupted run leaves a readable file of whole calls.
"""

from __future__ import annotations

import json
from typing import IO, Any

AREAS = ("AP", "PR", "CT", "ET", "EM", "overall")


class ParquetSink:
    """A text sink for rendered JSON Lines that writes them out as Parquet."""

    def __init__(self, out: IO[bytes]) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            from hotseat.tables import PARQUET_MISSING

            raise RuntimeError(PARQUET_MISSING) from None
        self._pa = pa
        fields = [("id", pa.string()), ("source", pa.string()), ("lang", pa.string())]
        fields += [("replies", pa.int32()), *((a, pa.int32()) for a in AREAS)]
        fields += [("codes", pa.string()), ("findings", pa.string())]
        self.schema = pa.schema(fields)
        self._writer = pq.ParquetWriter(out, self.schema)

    def write(self, text: str) -> int:
        if text:
            rows = [_row(json.loads(line)) for line in text.splitlines()]
            columns = {name: [r[k] for r in rows] for k, name in enumerate(self.schema.names)}
            self._writer.write_batch(self._pa.record_batch(columns, schema=self.schema))
        return len(text)

    def flush(self) -> None:
        """Row groups are written as they come; the footer waits for ``close``."""

    def close(self) -> None:
        self._writer.close()


def _row(call: dict[str, Any]) -> tuple[object, ...]:
    scores = call["scores"]
    findings = call["findings"]
    codes = " ".join(sorted({f["code"] for f in findings}))
    return (
        _utf8(call["id"]),
        _utf8(call["source"]),
        call["lang"],
        call["replies"],
        *(scores[a] for a in AREAS),
        codes,
        _utf8(json.dumps(findings, ensure_ascii=False)),
    )


def _utf8(text: str) -> str:
    """Parquet strings are UTF-8: a lone surrogate (from a JSON escape in the input) is kept
    as its escape, as the JSON Lines output shows it."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text
