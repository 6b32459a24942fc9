-- billing.0005_expenses (plan item 040): SQL Server DDL
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
-- Create model ExpenseBudget
CREATE TABLE [ExpenseBudgets] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [Period] nvarchar(8) DEFAULT 'Monthly' NOT NULL, [Amount] numeric(12, 2) NOT NULL, [Currency] nvarchar(3) NOT NULL);
GO
-- Create model ExpenseCategory
CREATE TABLE [ExpenseCategories] ([Id] int NOT NULL PRIMARY KEY IDENTITY (1, 1), [Name] nvarchar(100) NOT NULL, [Slug] nvarchar(100) NOT NULL, [Icon] nvarchar(50) NOT NULL, [IsSystem] bit DEFAULT 1 NOT NULL, [SortOrder] int DEFAULT 0 NOT NULL);
GO
-- Create model PetExpense
CREATE TABLE [PetExpenses] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY, [Amount] numeric(12, 2) NOT NULL, [Currency] nvarchar(3) NOT NULL, [ExpenseDate] date NOT NULL, [Vendor] nvarchar(200) NOT NULL, [Description] nvarchar(500) NOT NULL, [Source] nvarchar(12) DEFAULT 'Manual' NOT NULL, [IsRecurring] bit DEFAULT 0 NOT NULL, [RecurrenceRule] nvarchar(100) NOT NULL);
GO
-- Add field owner to expensebudget
ALTER TABLE [ExpenseBudgets] ADD [OwnerId] nvarchar(450) NOT NULL;
GO
-- Add field owner to expensecategory
ALTER TABLE [ExpenseCategories] ADD [OwnerId] nvarchar(450) NULL;
GO
-- Add field category to expensebudget
ALTER TABLE [ExpenseBudgets] ADD [CategoryId] int NULL;
GO
-- Add field category to petexpense
ALTER TABLE [PetExpenses] ADD [CategoryId] int NOT NULL;
GO
-- Add field dog to petexpense
ALTER TABLE [PetExpenses] ADD [DogId] char(32) NULL;
GO
-- Add field owner to petexpense
ALTER TABLE [PetExpenses] ADD [OwnerId] nvarchar(450) NOT NULL;
GO
-- Add field payment_record to petexpense
ALTER TABLE [PetExpenses] ADD [PaymentRecordId] char(32) NULL;
GO
-- Add field receipt_file to petexpense
ALTER TABLE [PetExpenses] ADD [ReceiptFileId] char(32) NULL;
GO
-- Add field vet_visit to petexpense
ALTER TABLE [PetExpenses] ADD [VetVisitId] char(32) NULL;
GO
-- Create constraint UX_ExpenseCat_System_Name on model expensecategory
CREATE UNIQUE INDEX [UX_ExpenseCat_System_Name] ON [ExpenseCategories] ([Name]) WHERE [OwnerId] IS NULL;
GO
-- Create constraint UX_ExpenseCat_Owner_Name on model expensecategory
CREATE UNIQUE INDEX [UX_ExpenseCat_Owner_Name] ON [ExpenseCategories] ([OwnerId], [Name]) WHERE [OwnerId] IS NOT NULL;
GO
-- Create constraint UX_ExpenseCat_System_Slug on model expensecategory
CREATE UNIQUE INDEX [UX_ExpenseCat_System_Slug] ON [ExpenseCategories] ([Slug]) WHERE [OwnerId] IS NULL;
GO
-- Create constraint UX_ExpenseCat_Owner_Slug on model expensecategory
CREATE UNIQUE INDEX [UX_ExpenseCat_Owner_Slug] ON [ExpenseCategories] ([OwnerId], [Slug]) WHERE [OwnerId] IS NOT NULL;
GO
-- Create constraint CK_ExpenseCat_System on model expensecategory
ALTER TABLE [ExpenseCategories] ADD CONSTRAINT [CK_ExpenseCat_System] CHECK ((([IsSystem] = 1 AND [OwnerId] IS NULL) OR ([IsSystem] = 0 AND [OwnerId] IS NOT NULL)));
GO
-- Create constraint UX_ExpenseBudgets_Key on model expensebudget
CREATE UNIQUE INDEX [UX_ExpenseBudgets_Key] ON [ExpenseBudgets] ([OwnerId], [CategoryId], [Period]) WHERE [CategoryId] IS NOT NULL;
GO
-- Create constraint UX_ExpenseBudgets_Total on model expensebudget
CREATE UNIQUE INDEX [UX_ExpenseBudgets_Total] ON [ExpenseBudgets] ([OwnerId], [Period]) WHERE [CategoryId] IS NULL;
GO
-- Create constraint CK_ExpenseBudgets_Amount on model expensebudget
ALTER TABLE [ExpenseBudgets] ADD CONSTRAINT [CK_ExpenseBudgets_Amount] CHECK ([Amount] > 0);
GO
-- Create constraint CK_ExpenseBudgets_Period on model expensebudget
ALTER TABLE [ExpenseBudgets] ADD CONSTRAINT [CK_ExpenseBudgets_Period] CHECK ([Period] IN ('Monthly', 'Yearly'));
GO
-- Create index IX_PetExpenses_Owner_Date on field(s) owner, -expense_date of model petexpense
CREATE INDEX [IX_PetExpenses_Owner_Date] ON [PetExpenses] ([OwnerId], [ExpenseDate] DESC);
GO
-- Create index IX_PetExpenses_Dog_Date on field(s) dog, -expense_date of model petexpense
CREATE INDEX [IX_PetExpenses_Dog_Date] ON [PetExpenses] ([DogId], [ExpenseDate] DESC);
GO
-- Create constraint CK_PetExpenses_Amount on model petexpense
ALTER TABLE [PetExpenses] ADD CONSTRAINT [CK_PetExpenses_Amount] CHECK ([Amount] > 0);
GO
-- Create constraint UX_PetExpenses_Payment on model petexpense
CREATE UNIQUE INDEX [UX_PetExpenses_Payment] ON [PetExpenses] ([PaymentRecordId]) WHERE [PaymentRecordId] IS NOT NULL;
GO
-- Create constraint CK_PetExpenses_Source on model petexpense
ALTER TABLE [PetExpenses] ADD CONSTRAINT [CK_PetExpenses_Source] CHECK ([Source] IN ('Manual', 'Appointment', 'VetVisit', 'Subscription'));
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [ExpenseBudgets_CategoryId_addb8cb9] ON [ExpenseBudgets] ([CategoryId]);
GO
CREATE INDEX [ExpenseBudgets_OwnerId_d73721ee] ON [ExpenseBudgets] ([OwnerId]);
GO
CREATE INDEX [ExpenseCategories_OwnerId_6a130935] ON [ExpenseCategories] ([OwnerId]);
GO
CREATE INDEX [ExpenseCategories_Slug_50c7ebdb] ON [ExpenseCategories] ([Slug]);
GO
CREATE INDEX [PetExpenses_CategoryId_b73b4f9c] ON [PetExpenses] ([CategoryId]);
GO
CREATE INDEX [PetExpenses_ReceiptFileId_fd5d0959] ON [PetExpenses] ([ReceiptFileId]);
GO
CREATE INDEX [PetExpenses_VetVisitId_e8d6bf0a] ON [PetExpenses] ([VetVisitId]);
GO
ALTER TABLE [ExpenseBudgets] ADD CONSTRAINT [ExpenseBudgets_CategoryId_addb8cb9_fk_ExpenseCategories_Id] FOREIGN KEY ([CategoryId]) REFERENCES [ExpenseCategories] ([Id]);
GO
ALTER TABLE [ExpenseBudgets] ADD CONSTRAINT [ExpenseBudgets_OwnerId_d73721ee_fk_Users_Id] FOREIGN KEY ([OwnerId]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [ExpenseCategories] ADD CONSTRAINT [ExpenseCategories_OwnerId_6a130935_fk_Users_Id] FOREIGN KEY ([OwnerId]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [PetExpenses] ADD CONSTRAINT [PetExpenses_CategoryId_b73b4f9c_fk_ExpenseCategories_Id] FOREIGN KEY ([CategoryId]) REFERENCES [ExpenseCategories] ([Id]);
GO
ALTER TABLE [PetExpenses] ADD CONSTRAINT [PetExpenses_DogId_404d209b_fk_DogProfiles_Id] FOREIGN KEY ([DogId]) REFERENCES [DogProfiles] ([Id]);
GO
ALTER TABLE [PetExpenses] ADD CONSTRAINT [PetExpenses_OwnerId_487a1489_fk_Users_Id] FOREIGN KEY ([OwnerId]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [PetExpenses] ADD CONSTRAINT [PetExpenses_PaymentRecordId_9ec88974_fk_PaymentRecords_Id] FOREIGN KEY ([PaymentRecordId]) REFERENCES [PaymentRecords] ([Id]);
GO
ALTER TABLE [PetExpenses] ADD CONSTRAINT [PetExpenses_ReceiptFileId_fd5d0959_fk_StoredFiles_Id] FOREIGN KEY ([ReceiptFileId]) REFERENCES [StoredFiles] ([Id]);
GO
ALTER TABLE [PetExpenses] ADD CONSTRAINT [PetExpenses_VetVisitId_e8d6bf0a_fk_VetVisits_Id] FOREIGN KEY ([VetVisitId]) REFERENCES [VetVisits] ([Id]);
GO
COMMIT TRANSACTION;
GO
