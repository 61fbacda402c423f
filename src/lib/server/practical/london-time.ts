/** Sessions happen at London wall-clock times, stored as UTC instants: the one London-time module, as this area names it. */
export { formatLondonDateTime, formatSessionTime, londonWallParts, londonWallTime, type WallTimeResult } from '../../london-time';
