-- AlterTable
ALTER TABLE "Card" ADD COLUMN     "faces" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "factId" TEXT;
