-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN     "chosenInterval" INTEGER;
