// Finds field errors built without a `code` in server source: object literals with `field` and `message` but no
// `code` (and no spread that could bring one). The compiler already asks for `code` where a literal is typed as a
// CodedFieldError; this also catches literals typed loosely, cast, or built before the type reaches them.
import ts from 'typescript';

export interface UncodedFieldError {
  line: number;
  text: string;
}

const named = (property: ts.ObjectLiteralElementLike, name: string) =>
  (ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property)) &&
  ts.isIdentifier(property.name) &&
  property.name.text === name;

/**
 * Field-error literals without a code in one file's source.
 * @example uncodedFieldErrors("throw new ServiceError('invalid', 'x', [{ field: 'body.id', message: 'taken' }])") // [{ line: 1, … }]
 */
export function uncodedFieldErrors(source: string, fileName = 'source.ts'): UncodedFieldError[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: UncodedFieldError[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isObjectLiteralExpression(node)) {
      const { properties } = node;
      const isFieldError =
        properties.some((p) => named(p, 'field')) && properties.some((p) => named(p, 'message'));
      const hasCode = properties.some((p) => named(p, 'code') || ts.isSpreadAssignment(p));
      if (isFieldError && !hasCode)
        found.push({
          line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1,
          text: node.getText().replace(/\s+/g, ' ').slice(0, 120),
        });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
