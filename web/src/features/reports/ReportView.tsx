import { Anchor, List, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { t } from '../../i18n';
import { formatDate, formatNumber } from '../../ui/format';
import type { AnnualReport } from './api';
import { capitalise, formatActionDate } from './format';
import { KeyFiguresSection } from './KeyFiguresSection';
import { MarkupText } from './MarkupText';
import { MembersByType } from './MembersByType';
import classes from './report.module.css';

function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`rapport-${id}`}>
      <Title order={2} size="h3" id={`rapport-${id}`}>
        {title}
      </Title>
      {children}
    </section>
  );
}

function Written({ text }: { text: string }) {
  return text.trim() ? (
    <MarkupText text={text} />
  ) : (
    <Text fs="italic" c="dimmed">
      {t('reports.texts.notWritten')}
    </Text>
  );
}

const sections = (year: number) => [
  { id: 'mot', title: t('reports.section.presidentWord') },
  { id: 'bref', title: t('reports.section.brief') },
  { id: 'organisation', title: t('reports.section.organisation') },
  { id: 'chiffres', title: t('reports.section.keyFigures') },
  { id: 'chronique', title: t('reports.section.chronicle', { year: String(year) }) },
  { id: 'adherents', title: t('reports.section.members') },
  { id: 'perspectives', title: t('reports.section.priorities', { year: String(year + 1) }) },
  { id: 'partenaires', title: t('reports.section.partners') },
];

/** The report as the outputs print it, section by section, read from its JSON. */
export function ReportView({ report }: { report: AnnualReport }) {
  const titles = sections(report.year);
  const title = (id: string) => titles.find((s) => s.id === id)?.title ?? id;
  const d = report.delegation;
  return (
    <Stack
      component="article"
      gap="md"
      className={classes.report}
      aria-label={t('reports.ofYear', { year: String(report.year) })}
    >
      <div>
        <Title order={2} size="h1">
          {t('reports.ofYear', { year: String(report.year) })}
        </Title>
        <Text fw={600}>{d.name}</Text>
        <Text size="sm" c="dimmed">
          {report.frozen
            ? t('reports.frozenBadge', { date: formatDate(report.frozen.at) })
            : t('reports.generatedAt', { date: formatDate(report.generatedAt) })}
        </Text>
      </div>
      <nav aria-label={t('reports.contents')}>
        <Text fw={600}>{t('reports.contents')}</Text>
        <List size="sm">
          {titles.map((s) => (
            <List.Item key={s.id}>
              <Anchor href={`#rapport-${s.id}`}>{s.title}</Anchor>
            </List.Item>
          ))}
        </List>
      </nav>

      <Part id="mot" title={title('mot')}>
        <Written text={report.texts.presidentWord} />
        {report.texts.presidentSignature.trim() && (
          <Text fs="italic" ta="right">
            {report.texts.presidentSignature}
          </Text>
        )}
      </Part>

      <Part id="bref" title={title('bref')}>
        <Text fw={600} size="lg">
          {t('reports.brief.members', {
            total: formatNumber(report.members.total),
            organisations: formatNumber(report.members.organisations),
          })}
        </Text>
        <MembersByType byType={report.members.byType} />
        <Title order={3} size="h4" mt="md">
          {t('reports.brief.departments')}
        </Title>
        <Text>{d.departmentsCovered.map((dep) => `${dep.name} (${dep.code})`).join(', ') || '—'}</Text>
        {d.objectives.length > 0 && (
          <>
            <Title order={3} size="h4" mt="md">
              {t('reports.brief.objectives')}
            </Title>
            <List listStyleType="none" spacing={4}>
              {d.objectives.map((o) => (
                <List.Item key={`${o.number}:${o.text}`}>
                  {o.number !== null && `${o.number}. `}
                  <strong>{o.axis}</strong> : {o.text}
                </List.Item>
              ))}
            </List>
          </>
        )}
        <Title order={3} size="h4" mt="md">
          {t('reports.brief.contact')}
        </Title>
        {d.addresses.map((a) => (
          <Text key={`${a.line}:${a.postcode}`}>{`${a.line}, ${a.postcode} ${a.city}`}</Text>
        ))}
        <Text>{[d.phone, d.email, d.website].filter(Boolean).join(' · ')}</Text>
      </Part>

      <Part id="organisation" title={title('organisation')}>
        <Organisation report={report} />
      </Part>

      <Part id="chiffres" title={title('chiffres')}>
        <KeyFiguresSection report={report} />
      </Part>

      <Part id="chronique" title={title('chronique')}>
        {report.chronicle.map((month) => (
          <div key={month.month} className={classes.month}>
            <Title order={3} size="h4" mt="md">
              {capitalise(month.label)}
            </Title>
            {month.actions.length === 0 ? (
              <Text c="dimmed" size="sm">
                {t('reports.chronicle.none')}
              </Text>
            ) : (
              <List spacing="xs">
                {month.actions.map((a) => (
                  <List.Item key={a.id}>
                    <Text span fw={600}>
                      {formatActionDate(a.date, a.datePrecision)} – {a.title}
                    </Text>
                    {a.place && <Text span c="dimmed">{` (${a.place})`}</Text>}
                    {a.summary && <Text size="sm">{a.summary}</Text>}
                    {a.participants && (
                      <Text size="sm" c="dimmed">
                        {a.participants.label}
                      </Text>
                    )}
                  </List.Item>
                ))}
              </List>
            )}
          </div>
        ))}
      </Part>

      <Part id="adherents" title={title('adherents')}>
        {report.members.byDepartment.map((dep) => (
          <div key={dep.code}>
            <Title order={3} size="h4" mt="md">
              {t('reports.members.department', {
                name: dep.name,
                code: dep.code,
                count: formatNumber(dep.count),
              })}
            </Title>
            <List size="sm" spacing={4}>
              {dep.organisations.map((o) => (
                <List.Item key={`${o.name}:${o.postcode}:${o.address}`}>
                  <strong>{o.types.length > 0 ? `${o.name} – ${o.types.join(' / ')}` : o.name}</strong>
                  <br />
                  {[o.address, [o.postcode, o.city].filter(Boolean).join(' '), o.phone, o.email]
                    .filter(Boolean)
                    .join(' · ')}
                </List.Item>
              ))}
            </List>
          </div>
        ))}
      </Part>

      <Part id="perspectives" title={title('perspectives')}>
        <Written text={report.texts.priorities} />
      </Part>

      <Part id="partenaires" title={title('partenaires')}>
        {report.partners.length === 0 ? (
          <Text c="dimmed">{t('reports.partners.none')}</Text>
        ) : (
          <List size="sm">
            {report.partners.map((p) => (
              <List.Item key={p.name}>{p.name}</List.Item>
            ))}
          </List>
        )}
      </Part>
    </Stack>
  );
}

function Organisation({ report }: { report: AnnualReport }) {
  const national = report.board.filter((b) => b.nationalRepresentative).map((b) => b.person);
  return (
    <>
      <Title order={3} size="h4" mt="md">
        {report.assembly
          ? t('reports.org.boardElected', { date: formatDate(report.assembly.date) })
          : t('reports.org.board')}
      </Title>
      {report.board.length === 0 ? (
        <Text c="dimmed">{t('reports.org.empty')}</Text>
      ) : (
        <Table striped fz="sm" aria-label={t('reports.org.board')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('reports.org.person')}</Table.Th>
              <Table.Th scope="col">{t('reports.org.role')}</Table.Th>
              <Table.Th scope="col">{t('reports.org.organisation')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.board.map((b) => (
              <Table.Tr key={`${b.person}:${b.role}`}>
                <Table.Th scope="row">{b.person}</Table.Th>
                <Table.Td>{b.role}</Table.Td>
                <Table.Td>
                  {[b.organisation, b.department && `(${b.department})`].filter(Boolean).join(' ')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {national.length > 0 && (
        <Text mt="xs">
          {t('reports.org.national')} : {national.join(', ')}
        </Text>
      )}
      <Title order={3} size="h4" mt="md">
        {t('reports.org.staff')}
      </Title>
      {report.staff.length === 0 ? (
        <Text c="dimmed">{t('reports.org.empty')}</Text>
      ) : (
        <List spacing="xs">
          {report.staff.map((s) => (
            <List.Item key={`${s.person}:${s.title}`}>
              <strong>{s.person}</strong>, {s.title}
              {s.missions.length > 0 && <Text size="sm">{s.missions.join(' ; ')}</Text>}
            </List.Item>
          ))}
        </List>
      )}
      {report.delegation.missions.length > 0 && (
        <>
          <Title order={3} size="h4" mt="md">
            {t('reports.org.missions')}
          </Title>
          <List>
            {report.delegation.missions.map((m) => (
              <List.Item key={m.code}>{m.label}</List.Item>
            ))}
          </List>
        </>
      )}
    </>
  );
}
