// The Bot Framework's TestAdapter, also keeping every card a bot redrew in
// place (updateActivity), for the Teams tests that check a pressed card is
// redrawn rather than a new one sent.
import type { Activity, TurnContext } from 'botbuilder';
import { TestAdapter } from 'botbuilder';

export class RecordingAdapter extends TestAdapter {
  readonly updated: Partial<Activity>[] = [];
  override async updateActivity(context: TurnContext, activity: Partial<Activity>) {
    this.updated.push(activity);
    return super.updateActivity(context, activity);
  }
}
