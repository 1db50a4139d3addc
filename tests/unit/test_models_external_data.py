"""The protobuf scan for external-data references (models_onnx/external_data.py)."""

from __future__ import annotations

import numpy as np
import onnx
import pytest
from onnx import TensorProto, helper, numpy_helper
from onnx.external_data_helper import convert_model_to_external_data

from models_onnx.external_data import MalformedModel, has_external_data


def small_model(weight_in_constant: bool = False) -> onnx.ModelProto:
    weight = numpy_helper.from_array(np.arange(4096, dtype=np.float32).reshape(1, 4096), "w")
    nodes = [helper.make_node("Add", ["x", "w"], ["y"])]
    initializers = [weight]
    if weight_in_constant:  # the tensor sits in a node attribute instead
        nodes.insert(0, helper.make_node("Constant", [], ["w"], value=weight))
        initializers = []
    graph = helper.make_graph(
        nodes,
        "g",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 4096])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 4096])],
        initializers,
    )
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])


def test_plain_model_has_no_external_data():
    assert not has_external_data(small_model().SerializeToString())
    assert not has_external_data(small_model(True).SerializeToString())


def test_external_initializer_is_found(tmp_path):
    model = small_model()
    convert_model_to_external_data(model, location="../../outside.bin", size_threshold=0)
    assert has_external_data(model.SerializeToString())


def test_external_tensor_in_a_node_attribute_is_found():
    model = small_model(True)
    tensor = model.graph.node[0].attribute[0].t
    tensor.data_location = TensorProto.EXTERNAL
    assert has_external_data(model.SerializeToString())


def test_external_tensor_in_a_subgraph_is_found():
    inner = small_model()
    inner.graph.initializer[0].data_location = TensorProto.EXTERNAL
    branch = helper.make_graph(
        list(inner.graph.node), "b", [], list(inner.graph.output), list(inner.graph.initializer)
    )
    node = helper.make_node("If", ["c"], ["y"], then_branch=branch, else_branch=branch)
    graph = helper.make_graph(
        [node],
        "outer",
        [helper.make_tensor_value_info("c", TensorProto.BOOL, [])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    assert has_external_data(model.SerializeToString())


@pytest.mark.parametrize("data", [b"\x0a\xff\xff\xff\xff\x0f", b"\x0b", b"\x3a\x05abc"])
def test_malformed_bytes_are_rejected(data):
    with pytest.raises(MalformedModel):
        has_external_data(data)
