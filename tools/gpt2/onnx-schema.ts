/**
 * ONNX protobuf codec: the subset of onnx.proto that GPT-2 decoder files use, written as a
 * protobufjs reflection descriptor (field numbers are those of onnx.proto), plus typed
 * `encodeModel` / `decodeModel`. Field names are camelCase here; only the numbers reach the wire.
 */
import protobuf from 'protobufjs';

/** onnx.TensorProto.DataType values. */
export const DataType = {
  FLOAT: 1,
  UINT8: 2,
  INT8: 3,
  INT32: 6,
  INT64: 7,
  BOOL: 9,
  FLOAT16: 10,
} as const;
export type DataTypeCode = (typeof DataType)[keyof typeof DataType];

/** onnx.AttributeProto.AttributeType values. */
export const AttributeType = {
  FLOAT: 1,
  INT: 2,
  STRING: 3,
  TENSOR: 4,
  GRAPH: 5,
  FLOATS: 6,
  INTS: 7,
  STRINGS: 8,
} as const;

export interface OnnxTensor {
  name?: string;
  dims?: number[];
  dataType: number;
  rawData?: Uint8Array;
  floatData?: number[];
  int32Data?: number[];
  int64Data?: number[];
  docString?: string;
}

export interface OnnxDimension {
  dimValue?: number;
  dimParam?: string;
}

export interface OnnxValueInfo {
  name: string;
  type?: { tensorType?: { elemType: number; shape?: { dim?: OnnxDimension[] } } };
  docString?: string;
}

export interface OnnxAttribute {
  name: string;
  type: number;
  f?: number;
  i?: number;
  s?: Uint8Array;
  t?: OnnxTensor;
  g?: OnnxGraph;
  floats?: number[];
  ints?: number[];
  strings?: Uint8Array[];
}

export interface OnnxNode {
  input?: string[];
  output?: string[];
  name?: string;
  opType: string;
  domain?: string;
  attribute?: OnnxAttribute[];
  docString?: string;
}

export interface OnnxGraph {
  node?: OnnxNode[];
  name?: string;
  initializer?: OnnxTensor[];
  docString?: string;
  input?: OnnxValueInfo[];
  output?: OnnxValueInfo[];
  valueInfo?: OnnxValueInfo[];
}

export interface OnnxOpsetId {
  domain?: string;
  version: number;
}

export interface OnnxModel {
  irVersion: number;
  opsetImport: OnnxOpsetId[];
  producerName?: string;
  producerVersion?: string;
  domain?: string;
  modelVersion?: number;
  docString?: string;
  graph: OnnxGraph;
  metadataProps?: { key: string; value: string }[];
}

const repeated = (type: string, id: number) => ({ rule: 'repeated', type, id });
const single = (type: string, id: number) => ({ type, id });

const onnxDescriptor = {
  nested: {
    onnx: {
      nested: {
        StringStringEntryProto: { fields: { key: single('string', 1), value: single('string', 2) } },
        OperatorSetIdProto: { fields: { domain: single('string', 1), version: single('int64', 2) } },
        TensorProto: {
          fields: {
            dims: repeated('int64', 1),
            dataType: single('int32', 2),
            floatData: repeated('float', 4),
            int32Data: repeated('int32', 5),
            stringData: repeated('bytes', 6),
            int64Data: repeated('int64', 7),
            name: single('string', 8),
            rawData: single('bytes', 9),
            doubleData: repeated('double', 10),
            uint64Data: repeated('uint64', 11),
            docString: single('string', 12),
            externalData: repeated('StringStringEntryProto', 13),
            dataLocation: single('int32', 14),
          },
        },
        TensorShapeProto: {
          fields: { dim: repeated('Dimension', 1) },
          nested: {
            Dimension: {
              oneofs: { value: { oneof: ['dimValue', 'dimParam'] } },
              fields: { dimValue: single('int64', 1), dimParam: single('string', 2), denotation: single('string', 3) },
            },
          },
        },
        TypeProto: {
          oneofs: { value: { oneof: ['tensorType'] } },
          fields: { tensorType: single('Tensor', 1), denotation: single('string', 6) },
          nested: {
            Tensor: { fields: { elemType: single('int32', 1), shape: single('TensorShapeProto', 2) } },
          },
        },
        ValueInfoProto: {
          fields: { name: single('string', 1), type: single('TypeProto', 2), docString: single('string', 3) },
        },
        AttributeProto: {
          fields: {
            name: single('string', 1),
            f: single('float', 2),
            i: single('int64', 3),
            s: single('bytes', 4),
            t: single('TensorProto', 5),
            g: single('GraphProto', 6),
            floats: repeated('float', 7),
            ints: repeated('int64', 8),
            strings: repeated('bytes', 9),
            tensors: repeated('TensorProto', 10),
            graphs: repeated('GraphProto', 11),
            docString: single('string', 13),
            type: single('int32', 20),
            refAttrName: single('string', 21),
          },
        },
        NodeProto: {
          fields: {
            input: repeated('string', 1),
            output: repeated('string', 2),
            name: single('string', 3),
            opType: single('string', 4),
            attribute: repeated('AttributeProto', 5),
            docString: single('string', 6),
            domain: single('string', 7),
          },
        },
        GraphProto: {
          fields: {
            node: repeated('NodeProto', 1),
            name: single('string', 2),
            initializer: repeated('TensorProto', 5),
            docString: single('string', 10),
            input: repeated('ValueInfoProto', 11),
            output: repeated('ValueInfoProto', 12),
            valueInfo: repeated('ValueInfoProto', 13),
          },
        },
        ModelProto: {
          fields: {
            irVersion: single('int64', 1),
            producerName: single('string', 2),
            producerVersion: single('string', 3),
            domain: single('string', 4),
            modelVersion: single('int64', 5),
            docString: single('string', 6),
            graph: single('GraphProto', 7),
            opsetImport: repeated('OperatorSetIdProto', 8),
            metadataProps: repeated('StringStringEntryProto', 14),
          },
        },
      },
    },
  },
};

const ModelProto = protobuf.Root.fromJSON(onnxDescriptor).lookupType('onnx.ModelProto');

/** Serializes a model to ONNX protobuf bytes. Tensor payloads are copied once, into the result. */
export function encodeModel(model: OnnxModel): Uint8Array {
  return ModelProto.encode(model as unknown as protobuf.Message).finish();
}

/**
 * Parses ONNX protobuf bytes. int64 fields come back as JS numbers (exact below 2^53, which
 * covers dims and attributes); `rawData` stays a view into `bytes`, so large files are not copied.
 */
export function decodeModel(bytes: Uint8Array): OnnxModel {
  const message = ModelProto.decode(bytes);
  return ModelProto.toObject(message, { longs: Number, defaults: false, arrays: true }) as OnnxModel;
}
