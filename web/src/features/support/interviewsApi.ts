import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../app/api';

export const questionKinds = ['text', 'long_text', 'number', 'yes_no', 'choice', 'scale'] as const;
export type QuestionKind = (typeof questionKinds)[number];

export interface Question {
  id: string;
  label: string;
  kind: QuestionKind;
  options?: string[];
  required?: boolean;
  help?: string;
}

export interface Template {
  id: string;
  year: number;
  title: string;
  questions: Question[];
}

export type AnswerValue = string | number | boolean | null;
export type InterviewStatus = 'not_started' | 'draft' | 'done';

export interface InterviewRow {
  organisationId: string;
  organisationName: string;
  status: InterviewStatus;
  heldOn: string | null;
  interviewerName: string | null;
  completedAt: string | null;
  answered: number;
}

export interface InterviewYear {
  year: number;
  template: { id: string; title: string; questions: number } | null;
  items: InterviewRow[];
}

export interface InterviewRecord {
  year: number;
  organisationId: string;
  organisationName: string;
  template: { id: string; title: string; questions: Question[] };
  interview: {
    status: 'draft' | 'done';
    answers: Record<string, Exclude<AnswerValue, null>>;
    heldOn: string | null;
    interviewerName: string | null;
    completedAt: string | null;
  } | null;
}

export const interviewKeys = {
  all: ['support', 'interviews'] as const,
  year: (year: number) => ['support', 'interviews', year] as const,
  template: (year: number) => ['support', 'interviews', 'template', year] as const,
  one: (year: number, organisationId: string) => ['support', 'interviews', year, organisationId] as const,
};

export function useInterviewYear(year: number) {
  return useQuery({
    queryKey: interviewKeys.year(year),
    queryFn: ({ signal }) => api<InterviewYear>(`/api/support/interviews?year=${year}`, { signal }),
  });
}

/** The year's questions, or null when the year has none yet (404 `support.no_template`). */
export function useTemplate(year: number) {
  return useQuery({
    queryKey: interviewKeys.template(year),
    queryFn: async ({ signal }) => {
      try {
        return await api<Template>(`/api/support/interview-templates/${year}`, { signal });
      } catch (error) {
        if (error instanceof ApiError && error.code === 'support.no_template') return null;
        throw error;
      }
    },
  });
}

export function useInterview(year: number, organisationId: string) {
  return useQuery({
    queryKey: interviewKeys.one(year, organisationId),
    queryFn: ({ signal }) =>
      api<InterviewRecord>(`/api/support/interviews/${year}/${encodeURIComponent(organisationId)}`, {
        signal,
      }),
    retry: false,
  });
}

export const putTemplate = (year: number, body: { title: string; questions: Question[] }) =>
  api<Template>(`/api/support/interview-templates/${year}`, { method: 'PUT', body });
export const loadDefaultTemplate = (year: number) =>
  api<Template>(`/api/support/interview-templates/${year}/default`, { method: 'POST' });
export const putInterview = (
  year: number,
  organisationId: string,
  body: { answers: Record<string, AnswerValue>; status: 'draft' | 'done'; heldOn: string | null },
) => api<InterviewRecord>(`/api/support/interviews/${year}/${organisationId}`, { method: 'PUT', body });
