import { embeddedSetup } from './embedded-setup';
import { realSetup } from './real-setup';
import { runDemo } from './run-demo';

const setup = realSetup() ?? (await embeddedSetup());
try {
  const ok = await runDemo(setup, (line) => console.log(line));
  process.exitCode = ok ? 0 : 1;
} finally {
  await setup.close();
}
