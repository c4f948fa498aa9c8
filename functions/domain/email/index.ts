/** What an email says (the view model both renderers in functions/mail read), and its safe links. */
export type {
  ActionBlock,
  Callout,
  DraftBlock,
  EmailBlock,
  EmailFooter,
  EmailLink,
  EmailSection,
  EmailTitle,
  EmailView,
  GroupBlock,
  GroupHead,
  Inline,
  LinkRow,
  NoticeBlock,
  Paragraph,
  StatusListBlock,
  StoryBlock,
  TimelineStep,
  Tone,
  Urgency,
} from './view.js';
export { safeHref } from './links.js';
export { mailtoLink } from './mailto.js';
