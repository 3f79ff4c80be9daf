import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { TABLE_OWNERS } from './table-owners';

/**
 * The architecture (docs/architecture.md) as a test over the sources: layers point one way, modules
 * form no cycle, and a module's SQL and repositories touch only the tables it owns (table-owners.ts).
 * A "module" is a folder directly under src/; the files directly in src/ and src/cli/ compose the
 * app and are exempt from the layer rules.
 */

const SRC = path.resolve(__dirname, '..');
const ROOT = path.resolve(SRC, '..');
const COMPOSITION = new Set(['(root)', 'cli', 'architecture']);
const PURE = 'scoring';
/** Below the features: they never import a feature module. */
const BASE = new Set(['common', 'database', 'config', 'audit', 'jobs', 'access', 'storage']);

/**
 * Deliberate exceptions, each with its reason. Keep this short: a new entry needs a reason a reviewer
 * accepts, not a convenience.
 */
const ALLOWED_IMPORTS: { from: string; to: string; reason: string }[] = [
  { from: 'access/participation-access.ts', to: 'periods/stage-machine.ts', reason: 'type only (Stage): a ParticipationContext carries the period stage its callers rule on' },
  { from: 'access/participation-access.ts', to: 'periods/period-rules.ts', reason: 'type only (Schedule): a ParticipationContext carries the period schedule its callers rule on' },
  { from: 'access/participation-access.ts', to: 'saq/entities/participation.entity.ts', reason: 'type only (ParticipationStatus) of the context it returns' },
];

const ALLOWED_TABLE_USES: { file: string; table: string; reason: string }[] = [];

const rel = (file: string) => path.relative(SRC, file).split(path.sep).join('/');
const moduleOf = (relPath: string) => (relPath.includes('/') ? relPath.split('/')[0] : '(root)');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [full] : [];
  });
}

interface ParsedFile {
  path: string;
  module: string;
  imports: { specifier: string; target: string | null }[];
  strings: string[];
  /** identifiers passed as the entity of a repository or entity-manager call */
  entityUses: string[];
  /** `@Entity('table') class Name` declared here */
  entities: { name: string; table: string }[];
}

const REPOSITORY_CALLS = new Set(['InjectRepository', 'getRepository', 'forFeature']);
const MANAGER_CALLS = new Set([
  'find',
  'findOne',
  'findOneBy',
  'findOneOrFail',
  'findOneByOrFail',
  'findBy',
  'findAndCount',
  'count',
  'countBy',
  'exists',
  'existsBy',
  'save',
  'insert',
  'update',
  'upsert',
  'delete',
  'remove',
  'increment',
  'decrement',
  'create',
  'createQueryBuilder',
  'sum',
  'maximum',
  'minimum',
]);

function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [base + '.ts', path.join(base, 'index.ts'), base]) if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  return base;
}

function parse(file: string): ParsedFile {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const out: ParsedFile = { path: rel(file), module: moduleOf(rel(file)), imports: [], strings: [], entityUses: [], entities: [] };
  const addImport = (specifier: string) => {
    const target = resolveImport(file, specifier);
    out.imports.push({ specifier, target: target && target.startsWith(SRC + path.sep) ? rel(target) : null });
  };
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      addImport(node.moduleSpecifier.text);
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      out.strings.push(node.text);
    } else if (ts.isTemplateExpression(node)) {
      // the interpolations stand in as a blank, so `FROM ${x}` names no table
      out.strings.push([node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ? '));
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
      const [first] = node.arguments;
      if ((name === 'require' || callee.kind === ts.SyntaxKind.ImportKeyword) && first && ts.isStringLiteral(first)) addImport(first.text);
      if (REPOSITORY_CALLS.has(name) && first) {
        const args = ts.isArrayLiteralExpression(first) ? first.elements : [first];
        for (const a of args) if (ts.isIdentifier(a)) out.entityUses.push(a.text);
      } else if (MANAGER_CALLS.has(name) && ts.isPropertyAccessExpression(callee) && first && ts.isIdentifier(first)) {
        out.entityUses.push(first.text);
      }
    }
    if (ts.isClassDeclaration(node) && node.name) {
      for (const d of ts.getDecorators(node) ?? []) {
        const e = d.expression;
        if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'Entity' && e.arguments[0] && ts.isStringLiteral(e.arguments[0])) {
          out.entities.push({ name: node.name.text, table: e.arguments[0].text });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

const files = sourceFiles(SRC).map(parse);
const owners: Record<string, string> = TABLE_OWNERS;
const entityTables = new Map(files.flatMap((f) => f.entities.map((e) => [e.name, e.table] as const)));
const isAllowedImport = (from: string, to: string) => ALLOWED_IMPORTS.some((a) => a.from === from && a.to === to);

/** Tables named after a SQL keyword that reads or writes one. Keywords in capitals, as the code writes SQL. */
const SQL_TABLE = /\b(?:FROM|JOIN|INTO|UPDATE|TABLE|TABLES)\s+`?([a-z_][a-z0-9_]*)`?/g;

function tablesIn(text: string): string[] {
  return [...text.matchAll(SQL_TABLE)].map((m) => m[1]).filter((t) => t in owners);
}

describe('architecture', () => {
  it('gives every table of the migrations exactly one owning module that exists', () => {
    const migrationsDir = path.join(ROOT, 'migrations');
    const created = new Set<string>();
    for (const f of fs.readdirSync(migrationsDir).filter((n) => n.endsWith('.ts'))) {
      const text = fs.readFileSync(path.join(migrationsDir, f), 'utf8');
      for (const m of text.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?`?([a-z_][a-z0-9_]*)`?/g)) created.add(m[1]);
    }
    expect([...created].sort()).toEqual(Object.keys(owners).sort());
    const moduleDirs = fs
      .readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(Object.values(owners).filter((m) => !moduleDirs.includes(m))).toEqual([]);
  });

  it('keeps scoring pure: it imports nothing but decimal.js and its own files', () => {
    const bad = files
      .filter((f) => f.module === PURE)
      .flatMap((f) => f.imports.filter((i) => i.specifier !== 'decimal.js' && !(i.target && moduleOf(i.target) === PURE)).map((i) => `${f.path} -> ${i.specifier}`));
    expect(bad).toEqual([]);
  });

  it('keeps the layers below the features free of feature imports', () => {
    const bad = files
      .filter((f) => BASE.has(f.module))
      .flatMap((f) =>
        f.imports
          .filter((i) => i.target && !BASE.has(moduleOf(i.target)) && moduleOf(i.target) !== PURE && moduleOf(i.target) !== f.module)
          .filter((i) => !isAllowedImport(f.path, i.target!))
          .map((i) => `${f.path} -> ${i.target}`),
      );
    expect(bad).toEqual([]);
  });

  it('has no import cycle between modules', () => {
    const edges = new Map<string, Map<string, string>>();
    for (const f of files) {
      if (COMPOSITION.has(f.module)) continue;
      for (const i of f.imports) {
        const to = i.target && moduleOf(i.target);
        if (!to || to === f.module || COMPOSITION.has(to) || isAllowedImport(f.path, i.target!)) continue;
        if (!edges.has(f.module)) edges.set(f.module, new Map());
        if (!edges.get(f.module)!.has(to)) edges.get(f.module)!.set(to, `${f.path} -> ${i.target}`);
      }
    }
    // Tarjan's strongly connected components: any component of two or more modules is a cycle.
    let index = 0;
    const idx = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const cycles: string[][] = [];
    const connect = (v: string) => {
      idx.set(v, index);
      low.set(v, index++);
      stack.push(v);
      onStack.add(v);
      for (const w of edges.get(v)?.keys() ?? []) {
        if (!idx.has(w)) {
          connect(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
      }
      if (low.get(v) === idx.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== v);
        if (component.length > 1) cycles.push(component);
      }
    };
    for (const v of edges.keys()) if (!idx.has(v)) connect(v);
    const described = cycles.map((c) => c.flatMap((from) => c.filter((to) => edges.get(from)?.has(to)).map((to) => edges.get(from)!.get(to)!)));
    expect(described).toEqual([]);
  });

  it("touches in SQL only the tables of the file's own module", () => {
    const bad = files
      .filter((f) => !COMPOSITION.has(f.module))
      .flatMap((f) => [...new Set(f.strings.flatMap(tablesIn))].filter((t) => owners[t] !== f.module).map((t) => ({ file: f.path, table: t })))
      .filter((v) => !ALLOWED_TABLE_USES.some((a) => a.file === v.file && a.table === v.table))
      .map((v) => `${v.file}: ${v.table} (owned by ${owners[v.table]})`);
    expect(bad).toEqual([]);
  });

  it("declares, injects and queries through TypeORM only the entities of the file's own module", () => {
    const misplaced = files.flatMap((f) => f.entities.filter((e) => owners[e.table] !== f.module).map((e) => `${f.path}: @Entity('${e.table}') (owned by ${owners[e.table]})`));
    const foreign = files
      .filter((f) => !COMPOSITION.has(f.module))
      .flatMap((f) =>
        [...new Set(f.entityUses)]
          .filter((name) => entityTables.has(name) && owners[entityTables.get(name)!] !== f.module)
          .filter((name) => !ALLOWED_TABLE_USES.some((a) => a.file === f.path && a.table === entityTables.get(name)))
          .map((name) => `${f.path}: ${name} (${entityTables.get(name)}, owned by ${owners[entityTables.get(name)!]})`),
      );
    expect([...misplaced, ...foreign]).toEqual([]);
  });

  it('keeps a reason on every allow-list entry, and no entry that no longer matches', () => {
    for (const a of [...ALLOWED_IMPORTS, ...ALLOWED_TABLE_USES]) expect(a.reason.length).toBeGreaterThan(20);
    const stale = [
      ...ALLOWED_IMPORTS.filter((a) => !files.some((f) => f.path === a.from && f.imports.some((i) => i.target === a.to))).map((a) => `${a.from} -> ${a.to}`),
      ...ALLOWED_TABLE_USES.filter(
        (a) => !files.some((f) => f.path === a.file && (f.strings.some((s) => tablesIn(s).includes(a.table)) || f.entityUses.some((e) => entityTables.get(e) === a.table))),
      ).map((a) => `${a.file}: ${a.table}`),
    ];
    expect(stale).toEqual([]);
  });
});
