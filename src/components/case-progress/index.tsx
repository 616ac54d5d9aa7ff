import { View } from '@tarojs/components';
import type { CaseDetail } from '../../domain/case/api';
import { caseProgress, type StepStatus } from '../../domain/case/progress';
import { formatTime } from '../case-view/format-time';
import { Section } from '../section';
import './index.scss';

const MARK: Record<StepStatus, string> = { done: '✓', current: '●', todo: '○' };
/** Said to screen readers with each step, since the marks are pictures. */
const STATUS_WORDS: Record<StepStatus, string> = { done: '已完成', current: '正在进行', todo: '还没到' };

/**
 * The resident's step bar (issue 8 item 5): 已上报 → 已受理 → 处置中 → 已办结 → 已评价 with the date of
 * each step reached, then who holds the case, what comes next and by when. Steps run down the page so
 * they stay readable in 特大字 at 375 px.
 */
export function CaseProgress({ detail }: { detail: CaseDetail }) {
  const p = caseProgress(detail);
  return (
    <Section heading='进度'>
      <View className='case-progress' role='list' aria-label='办理进度'>
        {p.steps.map((s) => (
          <View
            key={s.step}
            className={`case-progress__step case-progress__step--${s.status}`}
            role='listitem'
            aria-label={`${s.label}，${STATUS_WORDS[s.status]}${s.at ? `，${formatTime(s.at)}` : ''}`}
            aria-current={s.status === 'current' ? 'step' : undefined}
          >
            <View className='case-progress__mark' aria-hidden='true'>
              {MARK[s.status]}
            </View>
            <View className='case-progress__label' aria-hidden='true'>
              {s.label}
            </View>
            <View className='case-progress__when' aria-hidden='true'>
              {s.at ? formatTime(s.at) : s.status === 'current' ? '进行中' : ''}
            </View>
          </View>
        ))}
      </View>
      {p.ended && (
        <View className='case-progress__say' data-testid='progress-ended'>
          {p.ended}
        </View>
      )}
      {p.holder && (
        <View className='case-progress__say' data-testid='progress-holder'>
          现在由：{p.holder}
        </View>
      )}
      {p.next && (
        <View className='case-progress__say' data-testid='progress-next'>
          下一步：{p.next}
        </View>
      )}
      {p.due && (
        <View className='case-progress__say case-progress__due' data-testid='progress-due'>
          最晚 {formatTime(p.due.at)} 前。{p.due.missedWords}。
        </View>
      )}
    </Section>
  );
}
