// Token, operator and keyword ids shared by the lexer and the expression parser.

export const T_EOF = 0;
export const T_STRING = 1;
export const T_INT = 2;
export const T_FLOAT = 3;
export const T_BOOL = 4;
export const T_NONE = 5;
export const T_SYMBOL = 6;
export const T_LPAREN = 7;
export const T_RPAREN = 8;
export const T_LBRACKET = 9;
export const T_RBRACKET = 10;
export const T_LCURLY = 11;
export const T_RCURLY = 12;
export const T_COMMA = 13;
export const T_COLON = 14;
export const T_TILDE = 15;
export const T_PIPE = 16;
export const T_OP = 17;
export const T_BLOCK_END = 18;
export const T_VAR_END = 19;

// operator ids (T_OP tokens)
export const OP_OTHER = 0;
export const OP_DOT = 1;
export const OP_PLUS = 2;
export const OP_MINUS = 3;
export const OP_STAR = 4;
export const OP_SLASH = 5;
export const OP_DSLASH = 6;
export const OP_DSTAR = 7;
export const OP_PERCENT = 8;
export const OP_ASSIGN = 9;
// comparison operators: OP_EQ..OP_GE
export const OP_EQ = 10;
export const OP_EQQ = 11;
export const OP_NE = 12;
export const OP_NEE = 13;
export const OP_LT = 14;
export const OP_GT = 15;
export const OP_LE = 16;
export const OP_GE = 17;

// keyword ids (T_SYMBOL tokens); nunjucks has no reserved words, so these are still valid names
export const KW_NONE = 0;
export const KW_IF = 1;
export const KW_ELSE = 2;
export const KW_OR = 3;
export const KW_AND = 4;
export const KW_NOT = 5;
export const KW_IN = 6;
export const KW_IS = 7;

export function keyword(w: string): number {
  switch (w) {
    case 'if': return KW_IF;
    case 'else': return KW_ELSE;
    case 'or': return KW_OR;
    case 'and': return KW_AND;
    case 'not': return KW_NOT;
    case 'in': return KW_IN;
    case 'is': return KW_IS;
    default: return KW_NONE;
  }
}
