"""onnxruntime sessions built from verified model bytes, with quiet threading.

One session per model file, created from the bytes the bundle loader has already hashed
(never from a path, so nothing can change between check and use). Options measured on the
2-core target (field notes): one intra-op thread, sequential execution and no spinning
keep an idle session at about 0.24 cores instead of one spinning core.
"""

from __future__ import annotations

import onnxruntime as ort

from models_onnx.errors import BundleError
from models_onnx.manifest import ModelEntry


def session_options() -> ort.SessionOptions:
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.add_session_config_entry("session.inter_op.allow_spinning", "0")
    options.log_severity_level = 3  # errors only; failures surface as BundleError
    return options


def create_session(model: bytes, entry: ModelEntry, bundle: str) -> ort.InferenceSession:
    """A CPU session for one model of the bundle, checked against its manifest entry."""
    try:
        session = ort.InferenceSession(
            model, sess_options=session_options(), providers=["CPUExecutionProvider"]
        )
    except Exception as error:  # onnxruntime raises several unrelated exception types
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
        raise BundleError(
            bundle, f"{entry.file} is not a model onnxruntime can run ({first_line[:200]})"
        ) from None
    inputs = [i.name for i in session.get_inputs()]
    if inputs != [entry.input_name]:
        raise BundleError(
            bundle, f"{entry.file} takes inputs {inputs}, the manifest says [{entry.input_name!r}]"
        )
    shape = session.get_inputs()[0].shape
    if len(shape) != 2 or shape[1] != len(entry.input_columns):
        raise BundleError(
            bundle, f"{entry.file} input shape {shape} does not match "
            f"{len(entry.input_columns)} manifest columns"
        )
    outputs = {o.name for o in session.get_outputs()}
    for head in entry.heads:
        wanted = {head.probability_output, head.logit_output, head.scores_output}
        if head.pair_margins_output is not None:
            wanted.add(head.pair_margins_output)
        if not wanted <= outputs:
            missing = sorted(wanted - outputs)
            raise BundleError(bundle, f"{entry.file} lacks outputs {missing} of head {head.name!r}")
    return session
