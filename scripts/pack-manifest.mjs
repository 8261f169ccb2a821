// The package.json that goes into the tarball has no scripts and no devDependencies: none of
// the scripts can run from the package (it holds no scripts/, src/ or tests), and npm 11 warns
// on every install of a package that declares a `prepare` script. `prepack` runs
// `strip` after building; `postpack` runs `restore`, which puts the developer's file back
// byte for byte. A pack that died between the two leaves .package.json.prepack behind, and the
// next strip refuses to run until it is restored.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const MANIFEST = new URL('../package.json', import.meta.url);
const SAVED = new URL('../.package.json.prepack', import.meta.url);

const mode = process.argv[2];
if (mode === 'strip') {
  if (existsSync(SAVED)) {
    console.error(
      'pack-manifest: .package.json.prepack exists: an earlier npm pack did not finish. ' +
        'Run `node scripts/pack-manifest.mjs restore`, then pack again.',
    );
    process.exit(1);
  }
  const text = readFileSync(MANIFEST, 'utf8');
  writeFileSync(SAVED, text);
  const manifest = JSON.parse(text);
  delete manifest.scripts;
  delete manifest.devDependencies;
  writeFileSync(MANIFEST, JSON.stringify(manifest, null, 2) + '\n');
} else if (mode === 'restore') {
  if (existsSync(SAVED)) renameSync(SAVED, MANIFEST);
} else {
  console.error('usage: node scripts/pack-manifest.mjs strip|restore');
  process.exit(2);
}
