-- scheduling.0003_reviews (plan item 013): SQL Server DDL
-- Rendered offline through mssql-django's schema editor by
-- `manage.py plan ddl --vendor mssql`. Do not edit; re-render instead.
SET ANSI_NULLS ON;
SET ANSI_PADDING ON;
SET ANSI_WARNINGS ON;
SET ARITHABORT ON;
SET CONCAT_NULL_YIELDS_NULL ON;
SET NUMERIC_ROUNDABORT OFF;
SET QUOTED_IDENTIFIER ON;
SET XACT_ABORT ON;
GO
BEGIN TRANSACTION;
GO
-- Create model ProviderReview
CREATE TABLE [ProviderReviews] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY, [Rating] smallint NOT NULL CONSTRAINT ProviderReviews_Rating_36a3ad33_check CHECK ([Rating] >= 0), [Title] nvarchar(150) NOT NULL, [Comment] nvarchar(max) NOT NULL, [SubRatings] nvarchar(max) NOT NULL CONSTRAINT ProviderReviews_SubRatings_ed95c63b_check CHECK ((ISJSON ("SubRatings") = 1)), [Status] nvarchar(12) NOT NULL, [ProviderResponse] nvarchar(max) NOT NULL, [ProviderRespondedAt] datetimeoffset NULL, [ProviderId] char(32) NOT NULL, [ReviewerId] nvarchar(450) NULL, CONSTRAINT [CK_Reviews_Rating] CHECK (([Rating] >= 1 AND [Rating] <= 5)), CONSTRAINT [CK_Reviews_Status] CHECK ([Status] IN ('Pending', 'Published', 'Hidden', 'Removed')));
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [IX_Reviews_Provider_Created] ON [ProviderReviews] ([ProviderId], [Status], [CreatedAt] DESC);
GO
CREATE INDEX [IX_Reviews_Reviewer] ON [ProviderReviews] ([ReviewerId]);
GO
ALTER TABLE [ProviderReviews] ADD CONSTRAINT [ProviderReviews_ProviderId_d247114c_fk_ServiceProviders_Id] FOREIGN KEY ([ProviderId]) REFERENCES [ServiceProviders] ([Id]);
GO
ALTER TABLE [ProviderReviews] ADD CONSTRAINT [ProviderReviews_ReviewerId_4f102312_fk_Users_Id] FOREIGN KEY ([ReviewerId]) REFERENCES [Users] ([Id]);
GO
COMMIT TRANSACTION;
GO
