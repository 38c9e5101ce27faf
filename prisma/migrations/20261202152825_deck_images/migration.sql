-- CreateTable
CREATE TABLE "DeckImage" (
    "deckId" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeckImage_pkey" PRIMARY KEY ("deckId","sha256")
);

-- CreateIndex
CREATE INDEX "DeckImage_sha256_idx" ON "DeckImage"("sha256");

-- AddForeignKey
ALTER TABLE "DeckImage" ADD CONSTRAINT "DeckImage_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck"("id") ON DELETE CASCADE ON UPDATE CASCADE;
