import { monthIndexOf, type Day, type MonthIndex } from './calendar.js';

/** Something due to happen to a person on a day (a pregnancy milestone, a registration, a vaccination). */
export interface AgendaItem {
  day: Day;
  kind: string;
  person: number;
  /** Kind-specific extra: a child, a dose number, a method. */
  arg: number;
}

/** Future happenings, filed by month and replayed in day order. */
export class Agenda {
  private readonly months = new Map<MonthIndex, AgendaItem[]>();

  add(day: Day, kind: string, person: number, arg = 0): void {
    const month = monthIndexOf(day);
    const list = this.months.get(month);
    const item = { day, kind, person, arg };
    if (list) list.push(item);
    else this.months.set(month, [item]);
  }

  /** Runs the month's items in day order, including items added for the same month while running. */
  run(month: MonthIndex, handle: (item: AgendaItem) => void): void {
    const list = this.months.get(month) ?? [];
    this.months.set(month, list);
    list.sort((a, b) => a.day - b.day);
    for (let i = 0; i < list.length; i += 1) handle(list[i]!);
    this.months.delete(month);
  }
}
