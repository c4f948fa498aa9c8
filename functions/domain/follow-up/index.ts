/**
 * The follow-up engine (DESIGN.md §1, rules R1–R11): what to do about an interview today, with
 * drafted notes, and the milestones the digest draws.
 */
export { NEWS_IN_THANK_YOU, planFollowUps, type PlanOptions } from './plan.js';
export { assessInterview, type FollowUpAssessment, type FollowUpTimeline } from './assess.js';
export { nextKeyDates, TIMELINE_MARKS, type KeyDate, type KeyDateKind, type KeyDateState } from './timeline.js';
export { writeDraft, draftVariant, DRAFT_VARIANTS, MAX_DRAFT_WORDS, type DraftContext, type DraftKind } from './drafts.js';
export { FOLLOW_UP_RULES, GRACE_BY_HORIZON, OVERDUE_AFTER_DAYS, CHANNEL_ADVICE, OUTREACH_ACTIONS, graceDaysFor } from './rules.js';
export { dateIn, addDays, daysBetween, formatDay, formatDayOf, formatWeekday, isCalendarDate, type CalendarDate } from './dates.js';
export { cleanText, greetingName, countWords } from './text.js';
export { thankYouNewsSentence, type ThankYouNews } from '../notes/thank-you-news.js';
