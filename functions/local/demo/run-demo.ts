/**
 * `npm run demo`: local mode with sample data, so a newcomer sees a real congratulations alert (and
 * one offering a thank-you note with good news folded in) and a real digest in the local inbox
 * within a minute, offline. Starts the sample news feeds on
 * loopback, then local mode pointed at them (the same servers and ports as `npm start`), seeds the
 * demo subscriber, runs one poll and one digest at once, and says where to look.
 */
// First: the API's schemas extend zod schemas when this loads; the domain's must be made after it.
import '@hono/zod-openapi';
import type { Writable } from 'node:stream';
import { createWebSignInLink } from '../../app/account/subscriptions.js';
import { createServices } from '../../wiring/local.js';
import type { Config } from '../../config/env.js';
import { runDigestNow, runPollNow } from '../jobs.js';
import { startLocalMode } from '../local-mode.js';
import { startDemoFeedServer } from './feeds.js';
import { DEMO_EMAIL, DEMO_INTERVIEWS } from './sample-data.js';
import { seedDemo } from './seed.js';

export interface RunningDemo {
  config: Config;
  stop(): Promise<void>;
}

interface CaughtMail {
  subject: string;
  destination: { to: string[] };
}

/** What the mail catcher holds for the demo address. */
async function demoInbox(sesEndpoint: string): Promise<CaughtMail[]> {
  const res = await fetch(`${sesEndpoint}/store`);
  const store = (await res.json()) as { emails?: CaughtMail[] };
  return (store.emails ?? []).filter((m) => m.destination.to.some((t) => t.toLowerCase().includes(DEMO_EMAIL)));
}

/**
 * @param startedAt when the command started (ms since epoch), for the "ready in" figure.
 */
export async function startDemo(config: Config, out: Writable, startedAt = Date.now()): Promise<RunningDemo> {
  const say = (line: string) => out.write(`${line}\n`);
  const feeds = await startDemoFeedServer();
  const cleanups: Array<() => Promise<void>> = [() => feeds.stop()];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    say('afterview demo — sample data, offline, on this machine');
    say(`  ✓ sample news feeds on ${feeds.baseUrl} (invented for the demo; nothing leaves this machine)`);
    // In-process only: the news search goes to the sample feeds, which the fetcher may reach.
    const demoConfig: Config = { ...config, newsBaseUrl: feeds.baseUrl, allowHosts: [...new Set([...config.allowHosts, feeds.host])] };
    // The demo runs the poll and the digest itself, right after seeding; the hourly schedule starts
    // once they are done, so a scheduled run at the top of the hour cannot race them.
    let demoJobsDone!: () => void;
    const scheduleAfter = new Promise<void>((resolve) => (demoJobsDone = resolve));
    const local = await startLocalMode(demoConfig, out, { offerDemo: false, runJobsAtStart: false, scheduleAfter });
    cleanups.push(() => local.stop());
    const services = createServices(demoConfig, { service: 'demo' });
    const now = services.clock.now();

    const seed = await seedDemo(services, now);
    say(
      `  ✓ demo subscriber ${DEMO_EMAIL}: ${seed.companies.length} companies, ${seed.interviews.length} interviews` +
        (seed.firstRun ? '' : ' (from an earlier run: nothing added twice; interviews put back at their stages)'),
    );
    for (const sample of DEMO_INTERVIEWS) say(`      · ${sample.company}: ${sample.stage}`);

    // A moment after seeding: the sources the seed just registered are due by now.
    const poll = await runPollNow(services, services.clock.now());
    say(
      `  ✓ news poll: ${poll.requests} feed${poll.requests === 1 ? '' : 's'} read, ${poll.newStories} new stor${poll.newStories === 1 ? 'y' : 'ies'}, ` +
        `${poll.positiveStories} worth a note, ${poll.alertsSent} alert${poll.alertsSent === 1 ? '' : 's'} sent`,
    );
    const digest = await runDigestNow(services, services.clock.now());
    demoJobsDone();
    say(`  ✓ daily digest: ${digest.sent > 0 ? 'sent' : digest.alreadySent > 0 ? "today's was already sent by an earlier run" : 'nothing sent'}`);

    const inbox = await demoInbox(demoConfig.sesEndpoint!);
    const signInLink = await createWebSignInLink(services, seed.subscriber.id);
    const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
    say('');
    say(`Ready in ${seconds} s. Where to look:`);
    say(`  Inbox      http://127.0.0.1:${demoConfig.sesPort}   ${inbox.length} email${inbox.length === 1 ? '' : 's'} to ${DEMO_EMAIL}: ${inbox.map((m) => `“${m.subject}”`).join(', ') || '—'}`);
    if (!seed.firstRun && inbox.length === 0) {
      say('             (the inbox lives in memory and starts empty; the alerts and digest went out on the first run —');
      say(`              for a fresh start, stop this, delete ${demoConfig.dataDir} and run \`npm run demo\` again)`);
    }
    say(`  Web app    ${signInLink}`);
    say(`             one-click sign-in as the demo user (works once, for 60 minutes); afterwards ${demoConfig.publicUrl}/`);
    say(`  API token  ${seed.apiToken}`);
    say(`             curl -H "Authorization: Bearer ${seed.apiToken}" ${demoConfig.publicUrl}/v1/plan`);
    say('Press Ctrl-C to stop.');
    return { config: demoConfig, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
