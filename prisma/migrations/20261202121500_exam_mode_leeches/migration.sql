-- AlterTable
ALTER TABLE "User" ADD COLUMN     "leechThreshold" INTEGER NOT NULL DEFAULT 8,
ADD COLUMN     "suspendLeeches" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "easyDays" INTEGER[] DEFAULT ARRAY[]::INTEGER[];

-- AlterTable
ALTER TABLE "CardState" ADD COLUMN     "leech" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "examDate" TIMESTAMP(3),
ADD COLUMN     "targetRecall" DOUBLE PRECISION NOT NULL DEFAULT 0.9,
ADD COLUMN     "finishDaysBefore" INTEGER NOT NULL DEFAULT 7;

-- CreateTable
CREATE TABLE "DeckExam" (
    "userId" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "examDate" TIMESTAMP(3) NOT NULL,
    "targetRecall" DOUBLE PRECISION NOT NULL DEFAULT 0.9,
    "finishDaysBefore" INTEGER NOT NULL DEFAULT 7,

    CONSTRAINT "DeckExam_pkey" PRIMARY KEY ("userId","deckId")
);

-- AddForeignKey
ALTER TABLE "DeckExam" ADD CONSTRAINT "DeckExam_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeckExam" ADD CONSTRAINT "DeckExam_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck"("id") ON DELETE CASCADE ON UPDATE CASCADE;
