// The `sentiment` package (AFINN lexicon, used as the eval baseline) ships no types.
declare module 'sentiment' {
  interface AnalysisResult {
    score: number;
    comparative: number;
    positive: string[];
    negative: string[];
  }
  export default class Sentiment {
    analyze(phrase: string): AnalysisResult;
  }
}
