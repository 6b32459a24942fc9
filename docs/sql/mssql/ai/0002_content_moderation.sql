-- ai.0002_content_moderation (plan item 032): SQL Server DDL
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
-- Create model ModerationCheck
CREATE TABLE [ModerationChecks] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [ContentType] nvarchar(20) NOT NULL, [ContentId] nvarchar(100) NOT NULL, [Engine] nvarchar(50) NOT NULL, [Flagged] bit NOT NULL, [Categories] nvarchar(max) NOT NULL CONSTRAINT ModerationChecks_Categories_87bd942d_check CHECK ((ISJSON ("Categories") = 1)), [CategoryScores] nvarchar(max) NOT NULL CONSTRAINT ModerationChecks_CategoryScores_983ec890_check CHECK ((ISJSON ("CategoryScores") = 1)), [MaxScore] numeric(5, 4) NULL, [Decision] nvarchar(14) NOT NULL, [ReviewedAt] datetimeoffset NULL, [ReviewOutcome] nvarchar(10) NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [AuthorId] nvarchar(450) NULL, [ReviewedById] nvarchar(450) NULL);
GO
-- Create model ContentReport
CREATE TABLE [ContentReports] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [ContentType] nvarchar(20) NOT NULL, [ContentId] nvarchar(100) NOT NULL, [Reason] nvarchar(15) NOT NULL, [Details] nvarchar(max) NOT NULL, [Status] nvarchar(10) NOT NULL, [Resolution] nvarchar(200) NOT NULL, [ResolvedAt] datetimeoffset NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [ReportedUserId] nvarchar(450) NULL, [ReporterId] nvarchar(450) NULL, [ResolvedById] nvarchar(450) NULL, [ModerationCheckId] bigint NULL);
GO
-- Create index IX_ModChecks_Content on field(s) content_type, content_id of model moderationcheck
CREATE INDEX [IX_ModChecks_Content] ON [ModerationChecks] ([ContentType], [ContentId]);
GO
-- Create index IX_ModChecks_Queue on field(s) decision, -max_score of model moderationcheck
CREATE INDEX [IX_ModChecks_Queue] ON [ModerationChecks] ([Decision], [MaxScore] DESC) WHERE [Decision] = 'PendingReview';
GO
-- Create constraint CK_ModerationChecks_ContentType on model moderationcheck
ALTER TABLE [ModerationChecks] ADD CONSTRAINT [CK_ModerationChecks_ContentType] CHECK ([ContentType] IN ('Message', 'Review', 'DogProfile', 'ProfileImage', 'Attachment', 'ProviderProfile'));
GO
-- Create constraint CK_ModerationChecks_Decision on model moderationcheck
ALTER TABLE [ModerationChecks] ADD CONSTRAINT [CK_ModerationChecks_Decision] CHECK ([Decision] IN ('Allowed', 'Flagged', 'Blocked', 'PendingReview'));
GO
-- Create constraint CK_ModerationChecks_ReviewOutcome on model moderationcheck
ALTER TABLE [ModerationChecks] ADD CONSTRAINT [CK_ModerationChecks_ReviewOutcome] CHECK (([ReviewOutcome] IS NULL OR [ReviewOutcome] IN ('Approved', 'Removed', 'Escalated')));
GO
-- Create index IX_Reports_Status_Created on field(s) status, created_at of model contentreport
CREATE INDEX [IX_Reports_Status_Created] ON [ContentReports] ([Status], [CreatedAt]);
GO
-- Create constraint UX_Reports_Reporter_Content on model contentreport
CREATE UNIQUE INDEX [UX_Reports_Reporter_Content] ON [ContentReports] ([ReporterId], [ContentType], [ContentId]) WHERE ([ReporterId] IS NOT NULL AND [Status] IN ('Open', 'Reviewing'));
GO
-- Create constraint CK_ContentReports_ContentType on model contentreport
ALTER TABLE [ContentReports] ADD CONSTRAINT [CK_ContentReports_ContentType] CHECK ([ContentType] IN ('Message', 'Review', 'DogProfile', 'ProfileImage', 'Attachment', 'ProviderProfile'));
GO
-- Create constraint CK_ContentReports_Reason on model contentreport
ALTER TABLE [ContentReports] ADD CONSTRAINT [CK_ContentReports_Reason] CHECK ([Reason] IN ('Spam', 'Harassment', 'Inappropriate', 'Scam', 'AnimalWelfare', 'Other'));
GO
-- Create constraint CK_ContentReports_Status on model contentreport
ALTER TABLE [ContentReports] ADD CONSTRAINT [CK_ContentReports_Status] CHECK ([Status] IN ('Open', 'Reviewing', 'Resolved', 'Dismissed'));
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [ContentReports_ModerationCheckId_b552073b] ON [ContentReports] ([ModerationCheckId]);
GO
CREATE INDEX [ContentReports_ReportedUserId_612bf1dd] ON [ContentReports] ([ReportedUserId]);
GO
CREATE INDEX [ContentReports_ReporterId_0337caf6] ON [ContentReports] ([ReporterId]);
GO
CREATE INDEX [ContentReports_ResolvedById_b3a9ad78] ON [ContentReports] ([ResolvedById]);
GO
CREATE INDEX [ModerationChecks_AuthorId_00507b01] ON [ModerationChecks] ([AuthorId]);
GO
CREATE INDEX [ModerationChecks_ReviewedById_be598fba] ON [ModerationChecks] ([ReviewedById]);
GO
ALTER TABLE [ContentReports] ADD CONSTRAINT [ContentReports_ModerationCheckId_b552073b_fk_ModerationChecks_Id] FOREIGN KEY ([ModerationCheckId]) REFERENCES [ModerationChecks] ([Id]);
GO
ALTER TABLE [ContentReports] ADD CONSTRAINT [ContentReports_ReportedUserId_612bf1dd_fk_Users_Id] FOREIGN KEY ([ReportedUserId]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [ContentReports] ADD CONSTRAINT [ContentReports_ReporterId_0337caf6_fk_Users_Id] FOREIGN KEY ([ReporterId]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [ContentReports] ADD CONSTRAINT [ContentReports_ResolvedById_b3a9ad78_fk_Users_Id] FOREIGN KEY ([ResolvedById]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [ModerationChecks] ADD CONSTRAINT [ModerationChecks_AuthorId_00507b01_fk_Users_Id] FOREIGN KEY ([AuthorId]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [ModerationChecks] ADD CONSTRAINT [ModerationChecks_ReviewedById_be598fba_fk_Users_Id] FOREIGN KEY ([ReviewedById]) REFERENCES [Users] ([Id]);
GO
COMMIT TRANSACTION;
GO
