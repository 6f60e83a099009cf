// The manifest analyzer's setup for the element packages: Lit, plus @validated (packages/kit), which
// declares an attribute-backed property the way @property does, with its default in the initialiser.
function attributeName(decorator, field) {
  const options = decorator.expression.arguments?.[1];
  const named = options?.properties?.find((p) => p.name?.getText() === 'attribute');
  return named ? named.initializer.text : field.name.toLowerCase();
}

function validatedPlugin() {
  return {
    name: 'lossquake-validated',
    analyzePhase({ ts, node, moduleDoc }) {
      if (node.kind !== ts.SyntaxKind.ClassDeclaration) return;
      const declaration = moduleDoc?.declarations?.find((d) => d.name === node.name?.getText());
      if (!declaration) return;
      for (const member of node.members ?? []) {
        const decorator = ts
          .getDecorators?.(member)
          ?.find((d) => d.expression?.expression?.getText() === 'validated');
        if (!decorator) continue;
        const field = declaration.members?.find((m) => m.name === member.name.getText());
        if (!field) continue; // @internal
        const name = attributeName(decorator, field);
        field.attribute = name;
        const attribute = {
          name,
          fieldName: field.name,
          ...(field.type && { type: field.type }),
          ...(field.default !== undefined && { default: field.default }),
          ...(field.description && { description: field.description }),
        };
        declaration.attributes ??= [];
        declaration.attributes = declaration.attributes.filter((a) => a.name !== name);
        declaration.attributes.push(attribute);
      }
    },
  };
}

export default {
  litelement: true,
  plugins: [validatedPlugin()],
};
