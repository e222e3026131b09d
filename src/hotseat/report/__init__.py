"""Reports of training calls for trainees, trainers and learning-record stores."""

from hotseat.report.session import SESSION_FORMATS, export_session

__all__ = ["SESSION_FORMATS", "export_session"]
