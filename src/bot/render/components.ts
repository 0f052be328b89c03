import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIButtonComponentWithCustomId,
  ButtonStyle,
  ComponentType,
} from "discord.js";

/** Button actions; custom_id is "fn:<action>:<state id>", well under Discord's 100 characters. */
export const BUTTON_ACTIONS = ["more", "passage", "up", "down"] as const;
export type ButtonAction = (typeof BUTTON_ACTIONS)[number];

const PREFIX = "fn";

export function buttonId(action: ButtonAction, stateId: string): string {
  return `${PREFIX}:${action}:${stateId}`;
}

export function parseButtonId(customId: string): { action: ButtonAction; stateId: string } | undefined {
  const [prefix, action, stateId] = customId.split(":");
  if (prefix !== PREFIX || !stateId || !BUTTON_ACTIONS.includes(action as ButtonAction)) return undefined;
  return { action: action as ButtonAction, stateId };
}

export function answerButtons(
  stateId: string,
  hasPassage: boolean,
): APIActionRowComponent<APIButtonComponent>[] {
  const button = (
    action: ButtonAction,
    label: string,
    style: APIButtonComponentWithCustomId["style"] = ButtonStyle.Secondary,
    disabled = false,
  ): APIButtonComponentWithCustomId => ({
    type: ComponentType.Button,
    custom_id: buttonId(action, stateId),
    label,
    style,
    disabled,
  });
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        button("more", "More sources", ButtonStyle.Primary),
        button("passage", "Show passage", ButtonStyle.Secondary, !hasPassage),
        button("up", "👍"),
        button("down", "👎"),
      ],
    },
  ];
}
