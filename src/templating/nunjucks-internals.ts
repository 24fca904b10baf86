// Typed handles on the nunjucks internals tsdbt patches (parser, compiler, runtime, AST nodes). The
// library ships no types for them; this is the one place that knows their shape.
import nunjucks from 'nunjucks';

export interface NjToken {
  type: string;
  value: string;
  lineno: number;
  colno: number;
}

export interface NjNode {
  typename: string;
  lineno: number;
  colno: number;
  fields: string[];
  children: NjNode[];
  value?: unknown;
  findAll(type: unknown, results?: NjNode[]): NjNode[];
  [field: string]: unknown;
}

export type NodeCtor = (new (lineno: number, colno: number, ...fields: unknown[]) => NjNode) & {
  extend(name: string, props: { fields?: string[] }): NodeCtor;
};

export interface NjParser {
  peekToken(): NjToken;
  nextToken(): NjToken;
  skip(type: string): boolean;
  skipValue(type: string, value: string): boolean;
  skipSymbol(name: string): boolean;
  fail(msg: string, lineno?: number, colno?: number): never;
  parsePrimary(noPostfix?: boolean): NjNode | null;
  parseExpression(): NjNode;
  parseUntilBlocks(...names: string[]): NjNode;
  advanceAfterBlockEnd(name?: string): NjToken;
}

export interface NjCompiler {
  templateName: string;
  _emit(code: string): void;
  _emitLine(code: string): void;
  _emitLines(...lines: string[]): void;
  _tmpid(): string;
  compile(node: NjNode, frame: unknown): void;
  _compileExpression(node: NjNode, frame: unknown): void;
  _compileAggregate(node: NjNode, frame: unknown, start: string, end: string): void;
  _getNodeName(node: NjNode): string;
  fail(msg: string, lineno?: number, colno?: number): never;
  [key: string]: unknown;
}


interface Internals {
  parser: { Parser: { prototype: Record<string, unknown> } };
  compiler: { Compiler: { prototype: Record<string, unknown> } };
  nodes: Record<string, NodeCtor>;
  lexer: Record<string, string>;
  runtime: Record<string, unknown>;
}

export const nj = nunjucks as unknown as Internals;
export const nodes = nj.nodes;
export const lexer = nj.lexer;
export const runtime = nj.runtime;
export const ParserProto = nj.parser.Parser.prototype;
export const CompilerProto = nj.compiler.Compiler.prototype;

export function isNode(n: unknown, typename: string): boolean {
  return typeof n === 'object' && n !== null && (n as NjNode).typename === typename;
}
