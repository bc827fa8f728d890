// Types for the `#ort` import (see package.json "imports"): onnxruntime-web's own
// declarations are ambient modules, which a conditional subpath import cannot point at.
export * from 'onnxruntime-common';
