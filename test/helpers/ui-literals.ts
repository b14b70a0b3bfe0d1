// Finds words written straight into the client's JSX: text between tags, and string literals in the props a
// person reads or hears (aria-label, title, placeholder, alt, label). Those must come from the i18n catalogs.
import ts from 'typescript';

/** Props whose value is shown or read aloud. */
export const USER_VISIBLE_PROPS = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
]);

export interface UiLiteral {
  line: number;
  text: string;
}

/**
 * Text with a letter in it; punctuation, digits and symbols such as `·` or `×` carry no language, and
 * neither do a shortcut key in brackets ("(E)") or an example URL.
 */
const hasWords = (text: string) =>
  /\p{L}/u.test(text.replace(/\(\p{Lu}\)/gu, '').replace(/\bhttps?:\/\/\S+/g, ''));

export function uiLiterals(source: string, fileName = 'x.tsx'): UiLiteral[] {
  const file = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const found: UiLiteral[] = [];
  const report = (node: ts.Node, text: string) =>
    found.push({
      line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1,
      text: text.trim(),
    });
  const literalText = (node: ts.Node | undefined): string | undefined => {
    if (!node) return undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isJsxExpression(node)) return literalText(node.expression);
    if (ts.isTemplateExpression(node))
      return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
    if (ts.isConditionalExpression(node))
      return (
        [literalText(node.whenTrue), literalText(node.whenFalse)].filter(Boolean).join(' ') ||
        undefined
      );
    if (ts.isParenthesizedExpression(node)) return literalText(node.expression);
    if (ts.isBinaryExpression(node)) return binaryText(node);
    return undefined;
  };
  // `'a' + b` shows both sides; `x && 'a'`, `x || 'a'`, `x ?? 'a'` show the right; comparisons show nothing.
  const binaryText = (node: ts.BinaryExpression): string | undefined => {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.PlusToken)
      return (
        [literalText(node.left), literalText(node.right)].filter(Boolean).join(' ') || undefined
      );
    const showsRight =
      op === ts.SyntaxKind.AmpersandAmpersandToken ||
      op === ts.SyntaxKind.BarBarToken ||
      op === ts.SyntaxKind.QuestionQuestionToken;
    return showsRight ? literalText(node.right) : undefined;
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) report(node, node.text);
    else if (ts.isJsxExpression(node) && ts.isJsxElement(node.parent)) {
      const text = literalText(node.expression);
      if (text && hasWords(text)) report(node, text);
    } else if (ts.isJsxAttribute(node) && USER_VISIBLE_PROPS.has(node.name.getText(file))) {
      const text = literalText(node.initializer);
      if (text && hasWords(text)) report(node, `${node.name.getText(file)}="${text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
