// Every step type's executor, by type: the runner looks a step up here.
import { diagnoseStep, remediateStep } from './device-steps.js';
import { branchStep, waitStep } from './flow-steps.js';
import { injectStep } from './inject-step.js';
import { approvalStep, checklistStep } from './person-steps.js';
import type { StepExecutor, StepExecutors } from './step-executor.js';
import type { PlaybookStep } from '../../../core/model.js';
import { assignStep, notifyStep, setModeStep } from './store-steps.js';

export const EXECUTORS: StepExecutors = {
  diagnose: diagnoseStep,
  remediate: remediateStep,
  notify: notifyStep,
  assign: assignStep,
  approval: approvalStep,
  checklist: checklistStep,
  wait: waitStep,
  'set-mode': setModeStep,
  inject: injectStep,
  branch: branchStep,
};

export const executorOf = (step: PlaybookStep): StepExecutor => EXECUTORS[step.type] as StepExecutor;
