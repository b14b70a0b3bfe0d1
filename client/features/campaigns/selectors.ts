// Derived campaign data for the panels and the map: which campaigns and which areas are live now.
import { useShallow } from 'zustand/react/shallow';
import type { AppState } from '../../store';
import { useAppStore } from '../../store';

/** The ids of the areas a campaign is live in now. */
export const useLiveAreaIds = (campaignId: string): string[] =>
  useAppStore(
    useShallow((s: AppState) =>
      s.liveCampaigns.filter((l) => l.campaignId === campaignId).map((l) => l.areaId),
    ),
  );

export const areaName = (s: AppState, id: string) =>
  s.areas.data?.features.find((f) => f.properties.id === id)?.properties.name;
