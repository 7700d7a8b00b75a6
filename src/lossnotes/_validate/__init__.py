"""Boundary checks shared by every public function.

Each helper raises ``TypeError`` or ``ValueError`` with a message that names the
argument, says what was received and what is expected, so a reader can fix the
call without reading our source. Validate once, at the public boundary; private
helpers trust their inputs.
"""

from lossnotes._validate._arrays import (
    as_data,
    as_float_array,
    check_same_length,
    check_same_shape,
    check_shape,
    check_shapes,
)
from lossnotes._validate._objects import (
    caller_stacklevel,
    check_callable,
    check_instance,
    check_methods,
)
from lossnotes._validate._scalars import (
    FloatArray,
    as_generator,
    check_bool,
    check_choice,
    check_in_range,
    check_pair,
    check_positive,
    check_positive_int,
    check_sequence,
    check_str,
    describe,
)

__all__ = [
    "FloatArray",
    "as_data",
    "as_float_array",
    "as_generator",
    "caller_stacklevel",
    "check_bool",
    "check_callable",
    "check_choice",
    "check_in_range",
    "check_instance",
    "check_methods",
    "check_pair",
    "check_positive",
    "check_positive_int",
    "check_same_length",
    "check_same_shape",
    "check_sequence",
    "check_shape",
    "check_shapes",
    "check_str",
    "describe",
]
