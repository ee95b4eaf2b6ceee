import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../app/api';
import type { Body, Schema } from '../../app/contract';

export type QuestionKind = Schema<'SupportQuestionKind'>;
export const questionKinds = [
  'text',
  'long_text',
  'number',
  'yes_no',
  'choice',
  'scale',
] as const satisfies readonly QuestionKind[];
export type Question = Schema<'SupportQuestion'>;
export type Template = Schema<'SupportInterviewTemplate'>;
export type InterviewStatus = Schema<'SupportInterviewStatus'>;
export type InterviewYear = Schema<'SupportInterviewYear'>;
export type InterviewRow = InterviewYear['items'][number];
export type InterviewRecord = Schema<'SupportInterview'>;
export type InterviewInput = Body<'/api/support/interviews/{year}/{organisationId}', 'put'>;
export type AnswerValue = InterviewInput['answers'][string];

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

export const putTemplate = (year: number, body: Body<'/api/support/interview-templates/{year}', 'put'>) =>
  api<Template>(`/api/support/interview-templates/${year}`, { method: 'PUT', body });
export const loadDefaultTemplate = (year: number) =>
  api<Template>(`/api/support/interview-templates/${year}/default`, { method: 'POST' });
export const putInterview = (year: number, organisationId: string, body: InterviewInput) =>
  api<InterviewRecord>(`/api/support/interviews/${year}/${organisationId}`, { method: 'PUT', body });
