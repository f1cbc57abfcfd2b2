const TIME_COMPARISON = /^request\.time\s*(<=|>=|<|>)\s*timestamp\(\s*["']([^"']+)["']\s*\)$/;

function stripParentheses(clause: string): string {
  let text = clause.trim();
  while (text.startsWith('(') && text.endsWith(')')) text = text.slice(1, -1).trim();
  return text;
}

function clauseHolds(clause: string, nowMs: number): boolean {
  const match = TIME_COMPARISON.exec(stripParentheses(clause));
  if (match === null) return false;
  const at = Date.parse(match[2] ?? '');
  if (Number.isNaN(at)) return false;
  switch (match[1]) {
    case '<':
      return nowMs < at;
    case '<=':
      return nowMs <= at;
    case '>':
      return nowMs > at;
    default:
      return nowMs >= at;
  }
}

/**
 * Evaluates an IAM condition. The simulator understands `request.time` comparisons joined by `&&`
 * (what time-bound grants use); any other expression does not hold, so unknown conditions fail closed.
 */
export function conditionHolds(expression: string, now: Date): boolean {
  const clauses = expression.split('&&');
  return clauses.every((clause) => clauseHolds(clause, now.getTime()));
}
