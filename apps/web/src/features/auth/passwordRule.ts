/**
 * The API's minimum password length (PASSWORD_MIN_LENGTH in @samarkiv/shared, whose zod rule
 * decides); checked here first so the form answers without a round trip. Not imported from
 * there: that entry point brings zod into the chunk.
 */
export const MIN_PASSWORD_LENGTH = 12;
