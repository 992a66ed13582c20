import { Project, QuoteKind, SyntaxKind, type ImportDeclaration, type SourceFile } from 'ts-morph';

/** One generated endpoint as the registry and the endpoint-params interface see it. */
export interface RegistryEntry {
  readonly endpointId: string;
  /** Generated module stem under `./generated/`. */
  readonly module: string;
  /** Exported `FalModelDefinition` constant. */
  readonly model: string;
  /** Exported input type (the endpoint's typed `extraParams` are `Partial<input>`). */
  readonly inputType: string;
}

const GENERATED_PREFIX = './generated/';

function parse(text: string, fileName: string): SourceFile {
  const project = new Project({
    useInMemoryFileSystem: true,
    skipAddingFilesFromTsConfig: true,
    manipulationSettings: { quoteKind: QuoteKind.Single },
  });
  return project.createSourceFile(fileName, text);
}

function generatedImports(file: SourceFile): ImportDeclaration[] {
  return file.getImportDeclarations().filter((d) => d.getModuleSpecifierValue().startsWith(GENERATED_PREFIX));
}

/** Names imported from generated modules: entries using them belong to the generator. */
function generatedNames(file: SourceFile): Set<string> {
  return new Set(generatedImports(file).flatMap((d) => d.getNamedImports().map((n) => n.getName())));
}

/** Property names are written as string literals (endpoint ids contain `/`). */
function propertyKey(name: string): string {
  return /^'.*'$|^".*"$/.test(name) ? name.slice(1, -1) : name;
}

function addImports(
  file: SourceFile,
  entries: readonly RegistryEntry[],
  name: (entry: RegistryEntry) => string,
  isTypeOnly: boolean,
): void {
  const byModule = new Map<string, Set<string>>();
  for (const entry of entries) byModule.set(entry.module, (byModule.get(entry.module) ?? new Set()).add(name(entry)));
  for (const module of [...byModule.keys()].sort()) {
    file.addImportDeclaration({
      isTypeOnly,
      moduleSpecifier: `${GENERATED_PREFIX}${module}`,
      namedImports: [...(byModule.get(module) ?? [])].sort(),
    });
  }
}

/** Keeps one blank line between the imports and the code (removing the last import eats it). */
function separateImports(file: SourceFile): void {
  const imports = file.getImportDeclarations();
  const last = imports[imports.length - 1];
  const next = last?.getNextSibling();
  if (!last || !next) return;
  const gap = file.getFullText().slice(last.getEnd(), next.getStart(true));
  if (!gap.includes('\n\n')) file.insertText(last.getEnd(), '\n');
}

const sortById = (entries: readonly RegistryEntry[]): RegistryEntry[] =>
  [...entries].sort((a, b) => (a.endpointId < b.endpointId ? -1 : 1));

/** The endpoint ids of `falModels` that the generator owns (their values come from `./generated/`). */
export function registeredEndpointIds(registryText: string): string[] {
  const file = parse(registryText, 'registry.ts');
  const owned = generatedNames(file);
  const object = file.getVariableDeclarationOrThrow('falModels').getInitializerIfKindOrThrow(SyntaxKind.ObjectLiteralExpression);
  return object
    .getProperties()
    .flatMap((p) =>
      p.isKind(SyntaxKind.PropertyAssignment) && owned.has(p.getInitializer()?.getText() ?? '') ? [propertyKey(p.getName())] : [],
    );
}

/**
 * Makes `falModels` in registry.ts hold exactly `entries` among its generated entries: entries
 * whose value is imported from `./generated/` are replaced (so removed endpoints disappear),
 * hand-written entries and everything else in the file are kept. Idempotent once formatted.
 */
export function syncRegistry(registryText: string, entries: readonly RegistryEntry[]): string {
  const file = parse(registryText, 'registry.ts');
  const owned = generatedNames(file);
  const object = file.getVariableDeclarationOrThrow('falModels').getInitializerIfKindOrThrow(SyntaxKind.ObjectLiteralExpression);
  for (const property of object.getProperties()) {
    if (property.isKind(SyntaxKind.PropertyAssignment) && owned.has(property.getInitializer()?.getText() ?? '')) property.remove();
  }
  generatedImports(file).forEach((d) => d.remove());
  const sorted = sortById(entries);
  object.addPropertyAssignments(sorted.map((e) => ({ name: `'${e.endpointId}'`, initializer: e.model })));
  addImports(file, sorted, (e) => e.model, false);
  separateImports(file);
  return file.getFullText();
}

/**
 * Makes the `FalEndpointParams` interface map each generated endpoint id to
 * `Partial<its input type>` (typed `extraParams` and `model` autocompletion), replacing the
 * previous generated members and keeping hand-written ones. Idempotent once formatted.
 */
export function syncEndpointParams(paramsText: string, entries: readonly RegistryEntry[]): string {
  const file = parse(paramsText, 'fal-endpoint-params.ts');
  const owned = generatedNames(file);
  const declaration = file.getInterfaceOrThrow('FalEndpointParams');
  for (const property of declaration.getProperties()) {
    const typeName = /^Partial<(\w+)>$/.exec(property.getTypeNode()?.getText() ?? '')?.[1];
    if (typeName !== undefined && owned.has(typeName)) property.remove();
  }
  generatedImports(file).forEach((d) => d.remove());
  const sorted = sortById(entries);
  declaration.addProperties(sorted.map((e) => ({ name: `'${e.endpointId}'`, type: `Partial<${e.inputType}>`, hasQuestionToken: false })));
  addImports(file, sorted, (e) => e.inputType, true);
  separateImports(file);
  return file.getFullText();
}
