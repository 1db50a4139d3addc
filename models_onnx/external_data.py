"""Find external-data references in serialized ONNX bytes, without the onnx package.

An ONNX tensor may say "my values live in another file" (``data_location = EXTERNAL`` with
``external_data`` entries naming a path). Recent ONNX CVEs use such paths to read files
outside the model's directory, and a bundle is meant to be self-contained, so the loader
rejects any model that has one. This module walks the protobuf wire format of the few
messages that can hold tensors (field numbers from onnx.proto, ONNX 1.16-1.23):

    ModelProto      graph=7, training_info=20, functions=25
    TrainingInfo    initialization=1, algorithm=2
    GraphProto      node=1, initializer=5, sparse_initializer=15
    NodeProto       attribute=5
    FunctionProto   node=7, attribute_proto=11
    AttributeProto  t=5, g=6, tensors=10, graphs=11, sparse_tensor=22, sparse_tensors=23
    SparseTensor    values=1, indices=2
    TensorProto     external_data=13, data_location=14 (EXTERNAL = 1)

Bytes that are not well-formed protobuf are rejected too.
"""

from __future__ import annotations

from collections.abc import Iterator

_MODEL, _TRAINING, _GRAPH, _NODE, _FUNCTION, _ATTRIBUTE, _SPARSE, _TENSOR = range(8)
#: For each message kind: field number -> message kind of that (length-delimited) field.
_CHILDREN: dict[int, dict[int, int]] = {
    _MODEL: {7: _GRAPH, 20: _TRAINING, 25: _FUNCTION},
    _TRAINING: {1: _GRAPH, 2: _GRAPH},
    _GRAPH: {1: _NODE, 5: _TENSOR, 15: _SPARSE},
    _NODE: {5: _ATTRIBUTE},
    _FUNCTION: {7: _NODE, 11: _ATTRIBUTE},
    _ATTRIBUTE: {5: _TENSOR, 6: _GRAPH, 10: _TENSOR, 11: _GRAPH, 22: _SPARSE, 23: _SPARSE},
    _SPARSE: {1: _TENSOR, 2: _TENSOR},
    _TENSOR: {},
}
_TENSOR_EXTERNAL_DATA = 13
_TENSOR_DATA_LOCATION = 14
_EXTERNAL = 1
_MAX_DEPTH = 64


class MalformedModel(ValueError):
    """The bytes are not a well-formed ONNX protobuf."""


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        if pos >= len(data) or shift > 63:
            raise MalformedModel("truncated or overlong varint")
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return result, pos
        shift += 7


def _fields(data: bytes, start: int, end: int) -> Iterator[tuple[int, int, int, int]]:
    """(field number, wire type, value or payload start, payload end) of one message."""
    pos = start
    while pos < end:
        key, pos = _varint(data, pos)
        number, wire = key >> 3, key & 7
        if number == 0:
            raise MalformedModel("field number 0")
        if wire == 0:
            value, pos = _varint(data, pos)
            yield number, wire, value, pos
        elif wire == 1:
            pos += 8
            yield number, wire, 0, pos
        elif wire == 2:
            length, pos = _varint(data, pos)
            if pos + length > end:
                raise MalformedModel("length-delimited field runs past its message")
            yield number, wire, pos, pos + length
            pos += length
        elif wire == 5:
            pos += 4
            yield number, wire, 0, pos
        else:
            raise MalformedModel(f"unsupported wire type {wire}")
        if pos > end:
            raise MalformedModel("field runs past its message")


def _external_in(data: bytes, kind: int, start: int, end: int, depth: int) -> bool:
    if depth > _MAX_DEPTH:
        raise MalformedModel("messages nested too deeply")
    children = _CHILDREN[kind]
    for number, wire, value, stop in _fields(data, start, end):
        if kind == _TENSOR:
            if number == _TENSOR_EXTERNAL_DATA and wire == 2:
                return True
            if number == _TENSOR_DATA_LOCATION and wire == 0 and value == _EXTERNAL:
                return True
        elif (wire == 2 and number in children
              and _external_in(data, children[number], value, stop, depth + 1)):
            return True
    return False


def has_external_data(model: bytes) -> bool:
    """True when any tensor of the serialized ModelProto refers to external data.

    Raises MalformedModel when the bytes are not a well-formed protobuf message.
    """
    return _external_in(model, _MODEL, 0, len(model), 0)
