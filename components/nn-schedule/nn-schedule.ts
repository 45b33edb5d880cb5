import { NnSchedule } from './nn-schedule.component.js';

export { NnSchedule };
NnSchedule.define('nn-schedule');

declare global {
  interface HTMLElementTagNameMap {
    'nn-schedule': NnSchedule;
  }
}
