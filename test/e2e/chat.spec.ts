/**
 * Bots that speak in the meeting's chat, through the dashboard, the web host's real bot pages
 * and the sandbox: a chat message on join said by each bot under its own name, one message sent
 * to every bot of Botdeck's in the meeting from a row, and a meeting whose host turned chat off
 * refusing it in words on the row. What was said is read back from the sandbox's chat log.
 */
import { expect, test } from './support/botdeck-fixture';
import { launchFromForm, openDialog, rowOf } from './support/dashboard-bots';

test('two bots say their chat message on join under their names, then one message goes to all', async ({
  page,
  botdeck,
}) => {
  const meeting = await botdeck.api.createMeeting();
  await page.goto(botdeck.url);
  await launchFromForm(page, meeting, ['Support 1', 'Support 2'], {
    chatOnJoin: 'Hi, I am {name} and I take notes for the support team.',
  });

  const said = async () =>
    (await botdeck.api.chatLog(meeting.meetingNumber)).map(
      (line) => `${line.displayName}: ${line.text}`,
    );
  await expect
    .poll(async () => (await said()).sort())
    .toEqual([
      'Support 1: Hi, I am Support 1 and I take notes for the support team.',
      'Support 2: Hi, I am Support 2 and I take notes for the support team.',
    ]);
  await expect(rowOf(page, 'Support 1').getByTestId('bot-activity')).toHaveText(
    'Chat sent: “Hi, I am Support 1 and I take notes for the support team.”',
  );

  const dialog = await openDialog(page, 'Send chat as Support 2');
  await dialog.getByLabel('Message').fill('Thanks, everyone!');
  await dialog.getByLabel(/Every Botdeck bot in meeting/).check();
  await expect(dialog).toContainText('(2 in it now)');
  await page.screenshot({ path: 'test-results/dashboard-send-chat.png', fullPage: true });
  await dialog.getByRole('button', { name: 'Send' }).click();
  await expect(dialog).toBeHidden();

  await expect
    .poll(async () => (await said()).slice(2).sort())
    .toEqual(['Support 1: Thanks, everyone!', 'Support 2: Thanks, everyone!']);
  for (const name of ['Support 1', 'Support 2']) {
    await expect(rowOf(page, name).getByTestId('bot-activity')).toHaveText(
      'Chat sent: “Thanks, everyone!”',
    );
  }

  // The table's selection: tick one row, and only that bot says it.
  await page.getByRole('checkbox', { name: 'Select Support 2' }).check();
  await page.getByRole('button', { name: 'Send chat to selected (1)' }).click();
  const selected = page.getByRole('dialog', { name: 'Send chat as the selected bot' });
  await selected.getByLabel('Message').fill('Only me this time.');
  await selected.getByRole('button', { name: 'Send' }).click();
  await expect.poll(async () => (await said()).slice(4)).toEqual(['Support 2: Only me this time.']);

  await page.getByText('History', { exact: true }).click();
  await expect(page.getByTestId('history-panel')).toContainText(
    'Said in the chat: “Thanks, everyone!”',
  );
});

test('a message the contract refuses stays in the dialog with the reason, and nothing is said', async ({
  page,
  botdeck,
}) => {
  const meeting = await botdeck.api.createMeeting();
  await page.goto(botdeck.url);
  await launchFromForm(page, meeting, ['Quiet']);
  const dialog = await openDialog(page, 'Send chat as Quiet');
  await dialog.getByLabel('Message').fill('   ');
  await dialog.getByRole('button', { name: 'Send' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('A chat message needs some text.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(await botdeck.api.chatLog(meeting.meetingNumber)).toEqual([]);
});

test('where the host turned chat off, the row says so in words', async ({ page, botdeck }) => {
  const meeting = await botdeck.api.createMeeting({ chatDisabled: true });
  await page.goto(botdeck.url);
  await launchFromForm(page, meeting, ['Muted chat'], { chatOnJoin: 'Hello from {name}' });
  const activity = rowOf(page, 'Muted chat').getByTestId('bot-activity');
  await expect(activity).toHaveText(
    'Chat is turned off in this meeting: the host does not let participants chat.',
  );
  await expect(activity).toHaveAttribute('data-outcome', 'refused');
  expect(await botdeck.api.chatLog(meeting.meetingNumber)).toEqual([]);
});
