-- ai.0001_health_recommendations (plan item 031): SQL Server DDL
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
-- Create model AiHealthRecommendation
CREATE TABLE [AiHealthRecommendations] ([Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY, [Trigger] nvarchar(12) NOT NULL, [Category] nvarchar(15) NOT NULL, [Title] nvarchar(200) NOT NULL, [Summary] nvarchar(1000) NOT NULL, [Details] nvarchar(max) NOT NULL, [Urgency] nvarchar(8) NOT NULL, [Confidence] numeric(4, 3) NULL, [InputSnapshot] nvarchar(max) NOT NULL CONSTRAINT AiHealthRecommendations_InputSnapshot_3766285a_check CHECK ((ISJSON ("InputSnapshot") = 1)), [ModelName] nvarchar(100) NOT NULL, [PromptVersion] nvarchar(30) NOT NULL, [Status] nvarchar(12) NOT NULL, [DismissedAt] datetimeoffset NULL, [ExpiresAt] datetimeoffset NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [DogId] char(32) NOT NULL, [RequestedById] nvarchar(450) NULL, [SupersededById] char(32) NULL);
GO
-- Create model AiRecommendationFeedback
CREATE TABLE [AiRecommendationFeedback] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [IsHelpful] bit NOT NULL, [Comment] nvarchar(1000) NOT NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [RecommendationId] char(32) NOT NULL, [UserId] nvarchar(450) NOT NULL);
GO
-- Create index IX_AiRecs_Dog_Status_Created on field(s) dog, status, -created_at of model aihealthrecommendation
CREATE INDEX [IX_AiRecs_Dog_Status_Created] ON [AiHealthRecommendations] ([DogId], [Status], [CreatedAt] DESC);
GO
-- Create constraint CK_AiRecs_Confidence on model aihealthrecommendation
ALTER TABLE [AiHealthRecommendations] ADD CONSTRAINT [CK_AiRecs_Confidence] CHECK (([Confidence] IS NULL OR ([Confidence] >= 0 AND [Confidence] <= 1)));
GO
-- Create constraint CK_AiRecs_Urgency on model aihealthrecommendation
ALTER TABLE [AiHealthRecommendations] ADD CONSTRAINT [CK_AiRecs_Urgency] CHECK ([Urgency] IN ('Info', 'Low', 'Medium', 'High', 'Urgent'));
GO
-- Create constraint CK_AiHealthRecommendations_Trigger on model aihealthrecommendation
ALTER TABLE [AiHealthRecommendations] ADD CONSTRAINT [CK_AiHealthRecommendations_Trigger] CHECK ([Trigger] IN ('OnDemand', 'Scheduled', 'RecordChange'));
GO
-- Create constraint CK_AiHealthRecommendations_Category on model aihealthrecommendation
ALTER TABLE [AiHealthRecommendations] ADD CONSTRAINT [CK_AiHealthRecommendations_Category] CHECK ([Category] IN ('Nutrition', 'Exercise', 'Preventive', 'Vaccination', 'Weight', 'Behavior', 'Grooming', 'Symptom', 'Dental'));
GO
-- Create constraint CK_AiHealthRecommendations_Status on model aihealthrecommendation
ALTER TABLE [AiHealthRecommendations] ADD CONSTRAINT [CK_AiHealthRecommendations_Status] CHECK ([Status] IN ('Active', 'Dismissed', 'Completed', 'Superseded', 'Expired'));
GO
-- Create constraint UX_AiFeedback_Rec_User on model airecommendationfeedback
ALTER TABLE [AiRecommendationFeedback] ADD CONSTRAINT [UX_AiFeedback_Rec_User] UNIQUE ([RecommendationId], [UserId]);
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [AiHealthRecommendations_RequestedById_48fd232b] ON [AiHealthRecommendations] ([RequestedById]);
GO
CREATE INDEX [AiHealthRecommendations_SupersededById_3c417686] ON [AiHealthRecommendations] ([SupersededById]);
GO
CREATE INDEX [AiRecommendationFeedback_UserId_f395fbab] ON [AiRecommendationFeedback] ([UserId]);
GO
ALTER TABLE [AiHealthRecommendations] ADD CONSTRAINT [AiHealthRecommendations_DogId_85f7e7a3_fk_DogProfiles_Id] FOREIGN KEY ([DogId]) REFERENCES [DogProfiles] ([Id]);
GO
ALTER TABLE [AiHealthRecommendations] ADD CONSTRAINT [AiHealthRecommendations_RequestedById_48fd232b_fk_Users_Id] FOREIGN KEY ([RequestedById]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [AiHealthRecommendations] ADD CONSTRAINT [AiHealthRecommendations_SupersededById_3c417686_fk_AiHealthRecommendations_Id] FOREIGN KEY ([SupersededById]) REFERENCES [AiHealthRecommendations] ([Id]);
GO
ALTER TABLE [AiRecommendationFeedback] ADD CONSTRAINT [AiRecommendationFeedback_RecommendationId_bd2a0b8d_fk_AiHealthRecommendations_Id] FOREIGN KEY ([RecommendationId]) REFERENCES [AiHealthRecommendations] ([Id]);
GO
ALTER TABLE [AiRecommendationFeedback] ADD CONSTRAINT [AiRecommendationFeedback_UserId_f395fbab_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]);
GO
COMMIT TRANSACTION;
GO
