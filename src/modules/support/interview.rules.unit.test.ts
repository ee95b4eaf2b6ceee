import { describe, expect, it } from 'vitest';
import { defaultInterviewTemplate } from './default-template.ts';
import { checkAnswers, checkTemplate } from './interview.rules.ts';
import type { InterviewQuestion } from './support.table.ts';

const questions: InterviewQuestion[] = [
  { id: 'situation', label: 'Situation', kind: 'long_text', required: true },
  { id: 'statut', label: 'Statut', kind: 'choice', options: ['Association', 'SARL'], required: true },
  { id: 'note', label: 'Note', kind: 'scale' },
];

describe('checkTemplate', () => {
  it('accepts the default grid', () => {
    expect(checkTemplate(defaultInterviewTemplate(2025).questions)).toEqual([]);
  });

  it('names duplicate options of a choice', () => {
    const problems = checkTemplate([{ id: 'a', label: 'A', kind: 'choice', options: ['Oui', 'Non', 'Oui'] }]);
    expect(problems).toEqual([{ field: 'questions.0.options.2', code: 'support.option_duplicate' }]);
  });
});

describe('checkAnswers', () => {
  it('lets a draft be incomplete and leaves blank answers out', () => {
    const checked = checkAnswers(questions, { situation: '  Stable  ', statut: '', note: null }, 'draft');
    expect(checked).toEqual({ answers: { situation: 'Stable' }, problems: [] });
  });

  it('requires every required question to finish, a blank text counting as missing', () => {
    const checked = checkAnswers(questions, { situation: '   ', note: 3 }, 'done');
    expect(checked.problems).toEqual([
      { field: 'answers.situation', code: 'support.answer_required' },
      { field: 'answers.statut', code: 'support.answer_required' },
    ]);
  });

  it('reports a wrong value once, not also as missing', () => {
    const checked = checkAnswers(questions, { situation: 'Ok', statut: 'SCOP', note: 2.5 }, 'done');
    expect(checked.problems).toEqual([
      { field: 'answers.statut', code: 'support.answer_not_in_options' },
      { field: 'answers.note', code: 'support.answer_not_in_scale' },
    ]);
  });
});
