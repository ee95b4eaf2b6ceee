import type { AnswerValue } from './support.schemas.ts';
import type { InterviewQuestion } from './support.table.ts';

export interface Problem {
  field: string;
  code: string;
}

const QUESTION_ID = /^[a-z][a-z0-9_]*$/;

/** A template's questions are data typed by staff: ids must be stable keys, choices must offer options. */
export function checkTemplate(questions: readonly InterviewQuestion[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  questions.forEach((question, i) => {
    const at = `questions.${i}`;
    if (!QUESTION_ID.test(question.id))
      problems.push({ field: `${at}.id`, code: 'support.question_id_format' });
    else if (seen.has(question.id))
      problems.push({ field: `${at}.id`, code: 'support.question_id_duplicate' });
    seen.add(question.id);
    const options = question.options ?? [];
    if (question.kind === 'choice') {
      if (options.length < 2) problems.push({ field: `${at}.options`, code: 'support.choice_needs_options' });
      const seenOptions = new Set<string>();
      options.forEach((option, j) => {
        if (seenOptions.has(option))
          problems.push({ field: `${at}.options.${j}`, code: 'support.option_duplicate' });
        seenOptions.add(option);
      });
    } else if (options.length > 0) {
      problems.push({ field: `${at}.options`, code: 'support.options_only_for_choice' });
    }
  });
  return problems;
}

/** Drops what carries no answer, so that a blank field never counts as answered. */
function isBlank(value: AnswerValue | undefined): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

const TEXT_LIMITS = { text: 1000, long_text: 20_000 } as const;

function checkValue(question: InterviewQuestion, value: AnswerValue): string | null {
  switch (question.kind) {
    case 'text':
    case 'long_text':
      if (typeof value !== 'string') return 'support.answer_not_text';
      return value.length > TEXT_LIMITS[question.kind] ? 'validation.too_long' : null;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'support.answer_not_number';
    case 'yes_no':
      return typeof value === 'boolean' ? null : 'support.answer_not_yes_no';
    case 'choice':
      return typeof value === 'string' && (question.options ?? []).includes(value)
        ? null
        : 'support.answer_not_in_options';
    case 'scale':
      return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 5
        ? null
        : 'support.answer_not_in_scale';
  }
}

/**
 * Checks answers against the year's questions. A draft may be incomplete; a finished
 * interview needs every required question answered. Returns the answers to store
 * (blank ones left out, texts trimmed) and the problems, one per question.
 */
export function checkAnswers(
  questions: readonly InterviewQuestion[],
  answers: Record<string, AnswerValue>,
  status: 'draft' | 'done',
): { answers: Record<string, string | number | boolean>; problems: Problem[] } {
  const problems: Problem[] = [];
  const kept: Record<string, string | number | boolean> = {};
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const [id, value] of Object.entries(answers)) {
    const question = byId.get(id);
    if (!question) {
      problems.push({ field: `answers.${id}`, code: 'support.answer_unknown_question' });
      continue;
    }
    if (isBlank(value)) continue;
    const code = checkValue(question, value);
    if (code) problems.push({ field: `answers.${id}`, code });
    else kept[id] = typeof value === 'string' ? value.trim() : (value as number | boolean);
  }
  if (status === 'done') {
    for (const question of questions) {
      const invalid = problems.some((p) => p.field === `answers.${question.id}`);
      if (question.required && !(question.id in kept) && !invalid)
        problems.push({ field: `answers.${question.id}`, code: 'support.answer_required' });
    }
  }
  return { answers: kept, problems };
}
